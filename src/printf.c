// SPDX-License-Identifier: BSD-2-Clause
/*
 * A small vsnprintf for the library's log lines, so that it needs nothing
 * from a C library.
 *
 * Supports the flags "-0#", width and precision (numbers or '*'), the
 * lengths hh h l ll z t, the conversions d i u x X o c s p %, and the
 * kernel's extensions used by memblock: %pa (a phys_addr_t passed by
 * pointer, printed as 0x and all its digits; "%pap" and "%pad" also
 * accepted) and %pS (a code address, printed in hex). As in the kernel,
 * "%#x" of 0 prints "0x0".
 */
#include "internal.h"

struct out {
	char *buf;
	size_t size;
	size_t len;	/* what would have been written */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

struct spec {
	bool left, zero, alt;
	int width, prec;
};

static void put_str(struct out *o, const char *s, const struct spec *sp)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->prec < 0 || len < sp->prec))
		len++;
	if (!sp->left)
		put_pad(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		put_pad(o, ' ', sp->width - len);
}

/*
 * Divide *v by @base (8, 10 or 16) and return the remainder, without a
 * division instruction: on 32-bit targets a 64-bit division is a call into
 * the compiler's runtime (__udivdi3, __aeabi_uldivmod), which freestanding
 * code cannot count on.
 */
static unsigned int div_base(unsigned long long *v, unsigned int base)
{
	unsigned long long n = *v, q, r;

	/* Constant shifts: a 64-bit shift by a variable may be a call too. */
	if (base == 16) {
		*v = n >> 4;
		return (unsigned int)(n & 15);
	}
	if (base == 8) {
		*v = n >> 3;
		return (unsigned int)(n & 7);
	}
	/*
	 * n / 10 as n * 0.8 / 8, with 0.8 = 0.75 * (1 + 2^-4)(1 + 2^-8)...
	 * Every step truncates, so q never exceeds the quotient, and the
	 * truncations lose less than 8 before the final shift: q is short
	 * of it by one at most. (Not a loop: Clang turns one back into a
	 * division.)
	 */
	q = (n >> 1) + (n >> 2);
	q += q >> 4;
	q += q >> 8;
	q += q >> 16;
	q += q >> 32;
	q >>= 3;
	r = n - ((q << 3) + (q << 1));
	if (r >= 10) {
		q++;
		r -= 10;
	}
	*v = q;
	return (unsigned int)r;
}

static void put_num(struct out *o, unsigned long long v, bool neg,
		    unsigned int base, bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, prefix_len, body;
	const char *prefix = "";

	do {
		tmp[n++] = digits[div_base(&v, base)];
	} while (v);
	if (neg)
		prefix = "-";
	else if (sp->alt && base == 16)
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && tmp[n - 1] != '0' && sp->prec <= n)
		prefix = "0";	/* only when the precision adds no zero */
	prefix_len = (int)__memblock_strlen(prefix);
	body = n > sp->prec ? n : sp->prec;

	if (!sp->left && !(sp->zero && sp->prec < 0))
		put_pad(o, ' ', sp->width - body - prefix_len);
	for (const char *p = prefix; *p; p++)
		put(o, *p);
	if (!sp->left && sp->zero && sp->prec < 0)
		put_pad(o, '0', sp->width - body - prefix_len);
	put_pad(o, '0', body - n);
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		put_pad(o, ' ', sp->width - body - prefix_len);
}

/* Handle the character after "%p"; returns how many extra chars it used. */
static int put_pointer(struct out *o, const char *f, void *p, struct spec *sp)
{
	if (f[0] == 'a') {
		struct spec pa = { .zero = true, .alt = true, .prec = -1 };

		pa.width = 2 + 2 * (int)sizeof(phys_addr_t);
		put_num(o, *(const phys_addr_t *)p, false, 16, false, &pa);
		return (f[1] == 'p' || f[1] == 'd') ? 2 : 1;
	}
	sp->alt = true;
	put_num(o, (uintptr_t)p, false, 16, false, sp);
	return (f[0] == 'S' || f[0] == 's') ? 1 : 0;
}

int __memblock_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	while (*fmt) {
		struct spec sp = { .prec = -1 };
		int lng = 0;	/* -2 hh, -1 h, 1 l, 2 ll, 3 size_t/ptrdiff_t */
		unsigned long long v;
		bool neg = false;
		char c = *fmt++;

		if (c != '%') {
			put(&o, c);
			continue;
		}
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.zero = true;
			else if (*fmt == '#')
				sp.alt = true;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0)
				sp.left = true, sp.width = -sp.width;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp.width = sp.width * 10 + (*fmt++ - '0');
		if (*fmt == '.') {
			fmt++;
			sp.prec = 0;
			if (*fmt == '*') {
				sp.prec = va_arg(ap, int);
				fmt++;
			}
			while (*fmt >= '0' && *fmt <= '9')
				sp.prec = sp.prec * 10 + (*fmt++ - '0');
		}
		for (;; fmt++) {
			if (*fmt == 'h')
				lng = lng < 0 ? -2 : -1;
			else if (*fmt == 'l')
				lng++;
			else if (*fmt == 'z' || *fmt == 't')
				lng = 3;
			else
				break;
		}

		switch (c = *fmt++) {
		case 'd':
		case 'i': {
			long long s;

			if (lng == 2)
				s = va_arg(ap, long long);
			else if (lng == 1 || lng == 3)
				s = va_arg(ap, long);
			else
				s = va_arg(ap, int);
			if (lng == -1)
				s = (short)s;
			else if (lng == -2)
				s = (signed char)s;
			neg = s < 0;
			v = neg ? 0ULL - (unsigned long long)s : (unsigned long long)s;
			put_num(&o, v, neg, 10, false, &sp);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng == 2)
				v = va_arg(ap, unsigned long long);
			else if (lng == 1 || lng == 3)
				v = va_arg(ap, unsigned long);
			else
				v = va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng == -2)
				v = (unsigned char)v;
			put_num(&o, v, false,
				c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X', &sp);
			break;
		case 'c': {
			char ch[2] = { (char)va_arg(ap, int), 0 };

			put_str(&o, ch, &sp);
			break;
		}
		case 's':
			put_str(&o, va_arg(ap, const char *), &sp);
			break;
		case 'p':
			fmt += put_pointer(&o, fmt, va_arg(ap, void *), &sp);
			break;
		case '%':
			put(&o, '%');
			break;
		default:	/* unknown: print it as it was */
			put(&o, '%');
			if (c)
				put(&o, c);
			else
				fmt--;
			break;
		}
	}
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int __memblock_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = __memblock_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

// SPDX-License-Identifier: BSD-2-Clause
/*
 * The runner's step (see ops.h): one operation on the model and on the
 * library, bracketed by the ownership ledger; the hooks that call back into
 * memblock; the stage re-aiming, the aimed operations and the acceptance
 * rules where growth decides. Compiled after ops.c, into the same unit.
 */

/* ---- hooks that call back into memblock ---- */

/* A copy of struct memblock and the regions in use, for the hook checks. */
struct mini_snap {
	struct memblock mb;
	struct memblock_region r[MT_NR][64];
	int can_resize;
};

static void mini_take(struct mini_snap *s)
{
	s->mb = memblock;
	s->can_resize = memblock_can_resize;
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (type)
			memcpy(s->r[t], type->regions,
			       MIN(type->cnt, 64UL) * sizeof(s->r[t][0]));
	}
}

static bool mini_same(const struct mini_snap *s)
{
	if (memcmp(&s->mb, &memblock, sizeof(memblock)) ||
	    s->can_resize != memblock_can_resize)
		return false;
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (type && memcmp(s->r[t], type->regions,
				   MIN(type->cnt, 64UL) * sizeof(s->r[t][0])))
			return false;
	}
	return true;
}

/*
 * From inside a hook: one mutating or allocating call, which the contract
 * refuses (-EBUSY, or 0 / NULL) without changing anything.
 */
static void hook_reenter(struct runner *r, const char *where)
{
	static struct mini_snap snap;
	long long ret = 0, want = -EBUSY;
	const char *call;

	mini_take(&snap);
	r->hook_depth++;
	switch (r->hook_turn++ % 6) {
	case 0: call = "memblock_reserve"; ret = memblock_reserve(0x10000, 0x1000); break;
	case 1: call = "memblock_add"; ret = memblock_add(0x200000, 0x1000); break;
	case 2: call = "memblock_phys_alloc"; ret = (long long)memblock_phys_alloc(0x1000, 0x1000); want = 0; break;
	case 3: call = "memblock_alloc"; ret = memblock_alloc(64, 64) ? 1 : 0; want = 0; break;
	case 4: call = "memblock_remove"; ret = memblock_remove(0, 0x100000); break;
	default: call = "memblock_mark_nomap"; ret = memblock_mark_nomap(0, 0x100000); break;
	}
	r->hook_depth--;
	r->st.hook_calls++;
	if (r->hook_why[0])
		return;
	if (ret != want)
		snprintf(r->hook_why, sizeof(r->hook_why),
			 "%s() called from the %s hook returned %#llx, the contract says %lld",
			 call, where, (unsigned long long)ret, want);
	else if (!mini_same(&snap))
		snprintf(r->hook_why, sizeof(r->hook_why),
			 "%s() called from the %s hook changed the state", call,
			 where);
}

static void hook_free_pages(unsigned long pfn, unsigned int order)
{
	struct runner *r = hook_runner;

	if (!r)
		return;
	ledger_free_pages(&r->lg, pfn, order);
	if (r->reenter && !r->hook_depth)
		hook_reenter(r, "memblock_env_free_pages");
}

static void hook_log(int level, const char *line)
{
	struct runner *r = hook_runner;

	(void)level;
	(void)line;
	if (r && r->reenter && !r->hook_depth)
		hook_reenter(r, "memblock_env_log");
}

/* ---- stages, aims and the call ---- */

/*
 * Calls whose meaning in a boot stage the contract leaves open are not
 * judged there: they become the call a caller makes in that stage
 * (counted as "remapped").
 */
static void remap(struct runner *r, struct op *op)
{
	enum op_kind k = op->kind;

	switch (r->m.stage) {
	case MS_EARLY:
		if (k == OP_DISCARD)
			op->kind = OP_QUERY;	/* discard belongs after free_all */
		else if (k == OP_FREE_LATE)
			op->kind = OP_PHYS_FREE;	/* aimed at a claim below */
		break;
	case MS_FREED:
		if (k == OP_CAP_RANGE || k == OP_ENFORCE_LIMIT ||
		    k == OP_MEM_LIMIT_REMOVE_MAP || k == OP_ALLOW_RESIZE ||
		    k == OP_MARK_NOINIT ||
		    (k == OP_SET_NODE && op->type == MT_RESERVED))
			op->kind = OP_FREE_LATE;
		break;
	default:
		if (k == OP_SET_LIMIT || k == OP_SET_BOTTOM_UP ||
		    k == OP_ALLOW_RESIZE)
			op->kind = OP_QUERY;
		break;
	}
	if (op->kind != k) {
		r->st.remapped++;
		if (k == OP_FREE_LATE || op->kind == OP_FREE_LATE)
			op->x = true;	/* aim at a claim */
	}
}

/* Resolve the aimed operations into plain calls on concrete ranges. */
static void aim(struct runner *r, struct op *op)
{
	lg_addr lo[MT_NR], hi[MT_NR];
	enum op_kind base[] = { OP_RESERVE, OP_MARK_NOMAP, OP_REMOVE, OP_PHYS_FREE };
	int t;

	if ((op->kind == OP_FREE_LATE || (op->kind == OP_PHYS_FREE && op->x)) &&
	    op->type != -2) {
		size_t n = ledger_nclaims(&r->lg);
		phys_addr_t b, sz;

		op->type = -2;
		if (!n) {
			op->b = 0;
			return;
		}
		ledger_claim_at(&r->lg, (size_t)(op->a % n), &b, &sz);
		/* A claim, at most 16 MiB of it (pages released one by one). */
		op->a = b;
		op->b = sz > (16u << 20) ? (16u << 20) : sz;
		return;
	}
	/*
	 * Memory stays inside the host window of its base
	 * (tests/lib/phys_window.c), so that whatever memblock hands out can
	 * be written and checked; huge sizes still clamp at the top of the
	 * address space from the top window.
	 */
	if (op->kind == OP_ADD || op->kind == OP_ADD_NODE) {
		for (size_t w = 0; w < NWINDOWS; w++) {
			if (op->a < windows[w].lo || op->a >= windows[w].hi)
				continue;
			if ((lg_addr)op->a + op->b > windows[w].hi &&
			    windows[w].hi <= PHYS_ADDR_MAX)
				op->b = (phys_addr_t)(windows[w].hi - op->a);
		}
		return;
	}
	if (op->kind < OP_RESERVE_AT_ARRAY || op->kind > OP_PHYS_FREE_AT_ARRAY)
		return;
	op->kind = base[op->kind - OP_RESERVE_AT_ARRAY];
	ledger_live_arrays(&r->lg, lo, hi);
	t = (op->type + 1) % MT_NR;
	for (int k = 0; k < MT_NR && lo[t] == hi[t]; k++)
		t = (t + 1) % MT_NR;
	if (lo[t] == hi[t])
		return;		/* no grown array: the random range as is */
	{
		phys_addr_t bytes = (phys_addr_t)(hi[t] - lo[t]);
		phys_addr_t off = op->a % bytes;

		op->a = (phys_addr_t)lo[t] + off - (op->x ? off % 0x1000 : 0) -
			(op->c % 3 == 0 && (phys_addr_t)lo[t] + off >= 0x1000 ? 0x1000 : 0);
		op->b = op->b % (bytes + 0x2000) + 1;
	}
}

static bool is_alloc(enum op_kind k)
{
	return (k >= OP_ALLOC_RANGE_NID && k <= OP_ALLOC_NODE &&
		k != OP_FIND_NODE && k != OP_FIND) || k == OP_ALLOC_OR_PANIC;
}

/* Bounds an allocation must respect (the exact address is the model's). */
static void alloc_bounds(const struct runner *r, const struct op *op,
			 struct lg_call *c)
{
	phys_addr_t limit = r->m.current_limit, end = op->d;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = limit;
	c->align = op->b ? op->b : SMP_CACHE_BYTES;
	c->lo = 0;
	c->hi = PHYS_ADDR_MAX;
	switch (op->kind) {
	case OP_ALLOC_RANGE_NID: case OP_PHYS_ALLOC_RANGE:
		c->lo = op->c;
		c->hi = end;
		break;
	case OP_PHYS_ALLOC_TRY_NID: case OP_PHYS_ALLOC:
		c->hi = limit;
		break;
	case OP_ALLOC_EXACT_NID_RAW: case OP_ALLOC_TRY_NID_RAW:
	case OP_ALLOC_TRY_NID:
		c->hi = MIN(end, limit);
		break;
	case OP_ALLOC_LOW:
		c->hi = MIN(ARCH_LOW_ADDRESS_LIMIT, limit);
		break;
	default:
		c->hi = limit;
		break;
	}
}

/* Did the model's call change anything? */
static bool model_changed(const struct model *a, const struct model *b)
{
	for (int t = 0; t < MT_NR; t++) {
		if (a->t[t].n != b->t[t].n ||
		    (a->t[t].n &&
		     memcmp(a->t[t].r, b->t[t].r, a->t[t].n * sizeof(*a->t[t].r))))
			return true;
	}
	return a->stage != b->stage;
}

static int step(struct runner *r, struct op *op);
static int cmp_seg_base(const void *a, const void *b);

/*
 * A caller reserving over a live array takes those bytes over as they are
 * reserved (memblock_reserve() keeps the attributes of what is already
 * reserved): the model adopts the library's reservation of them as claims
 * before adding the rest.
 */
static void adopt(const struct runner *r, struct model *m, phys_addr_t base,
		  phys_addr_t size)
{
	const struct model_type *claims = &m->t[MT_RESERVED];
	const struct memblock_type *rsv = &memblock.reserved;
	phys_addr_t end = base + clamp_size(base, size);
	struct seg *sg;
	size_t ns = 0;
	bool any = false;

	for (int i = 0; i < r->m.nbusy; i++)
		any |= r->m.busy[i].lo < end && base < r->m.busy[i].hi;
	if (!any)
		return;
	sg = xrealloc(NULL, (claims->n + 3 * rsv->cnt + 1) * sizeof(*sg));
	for (size_t k = 0; k < claims->n; k++)
		sg[ns++] = (struct seg){ claims->r[k].base, claims->r[k].end, true,
					 claims->r[k].flags, claims->r[k].nid };
	for (int i = 0; i < r->m.nbusy; i++) {
		phys_addr_t blo = MAX(base, r->m.busy[i].lo);
		phys_addr_t bhi = MIN(end, r->m.busy[i].hi);

		for (unsigned long k = 0; k < rsv->cnt && blo < bhi; k++) {
			const struct memblock_region *g = &rsv->regions[k];
			phys_addr_t lo = MAX(g->base, blo);
			phys_addr_t hi = MIN(g->base + g->size, bhi);

			if (lo < hi)
				sg[ns++] = (struct seg){ lo, hi, true,
							 (unsigned int)g->flags, g->nid };
		}
	}
	qsort(sg, ns, sizeof(*sg), cmp_seg_base);
	rebuild(&m->t[MT_RESERVED], sg, ns);
	free(sg);
}

/* Tell the model where the library's live arrays are now. */
static void set_busy(struct runner *r)
{
	lg_addr lo[MT_NR], hi[MT_NR];

	r->m.nbusy = 0;
	ledger_live_arrays(&r->lg, lo, hi);
	for (int t = 0; t < MT_NR; t++) {
		if (lo[t] == hi[t])
			continue;
		r->m.busy[r->m.nbusy].lo = (phys_addr_t)lo[t];
		r->m.busy[r->m.nbusy].hi = hi[t] > PHYS_ADDR_MAX ? PHYS_ADDR_MAX
								 : (phys_addr_t)hi[t];
		r->m.nbusy++;
	}
}

static int cmp_seg_base(const void *a, const void *b)
{
	const struct seg *x = a, *y = b;

	return x->b < y->b ? -1 : x->b > y->b;
}

/*
 * What queries and iterators must see: the model, with "reserved" the
 * claims plus the live arrays. The arrays' reservations take the
 * attributes the library gave them (a flag or node set over an array is
 * the library's business; model_compare() and the ledger check the rest).
 */
static void make_view(struct runner *r, struct model *view)
{
	const struct model_type *claims = &r->m.t[MT_RESERVED];
	const struct memblock_type *rsv = &memblock.reserved;
	struct seg *sg = xrealloc(NULL, (claims->n + 3 * rsv->cnt + 1) * sizeof(*sg));
	size_t ns = 0;

	model_copy(view, &r->m);
	for (size_t k = 0; k < claims->n; k++)
		sg[ns++] = (struct seg){ claims->r[k].base, claims->r[k].end, true,
					 claims->r[k].flags, claims->r[k].nid };
	for (int i = 0; i < r->m.nbusy; i++) {
		for (unsigned long k = 0; k < rsv->cnt; k++) {
			const struct memblock_region *g = &rsv->regions[k];
			phys_addr_t lo = MAX(g->base, r->m.busy[i].lo);
			phys_addr_t hi = MIN(g->base + g->size, r->m.busy[i].hi);

			if (lo < hi)
				sg[ns++] = (struct seg){ lo, hi, true,
							 (unsigned int)g->flags, g->nid };
		}
	}
	qsort(sg, ns, sizeof(*sg), cmp_seg_base);
	rebuild(&view->t[MT_RESERVED], sg, ns);
	free(sg);
}

/*
 * Before memblock_free_all(): at most FREE_ALL_MAX_PAGES free pages, the
 * rest reserved first by ordinary (checked) calls.
 */
static int bound_free_all(struct runner *r)
{
	static struct piece_list pl;
	unsigned long budget = FREE_ALL_MAX_PAGES;

	set_busy(r);
	model_copy(&r->scratch, &r->m);
	if (model_free_all(&r->scratch) <= budget)
		return 0;
	/* The free pieces as memblock_free_all() sees them, lowest first. */
	model_copy(&r->scratch, &r->m);
	clear_hotplug(&r->scratch);
	pl.n = 0;
	model_free_pieces(&r->scratch, 0, PHYS_ADDR_MAX, NUMA_NO_NODE, 0,
			  collect, &pl);
	for (size_t k = 0; k < pl.n && k < 1024; k++) {
		phys_addr_t lo = pl.s[k], hi = pl.e[k];
		phys_addr_t plo = PFN_UP(lo), phi = PFN_DOWN(hi);
		struct op res = { .kind = OP_RESERVE };

		if (plo >= phi)
			continue;	/* no whole page: nothing released */
		if (phi - plo <= budget) {
			budget -= (unsigned long)(phi - plo);
			continue;
		}
		res.a = PFN_PHYS(plo + budget);
		res.b = hi - res.a;
		budget = 0;
		if (step(r, &res))
			return -1;
	}
	set_busy(r);
	model_copy(&r->scratch, &r->m);
	if (model_free_all(&r->scratch) > FREE_ALL_HARD_PAGES) {
		model_copy(&r->scratch, &r->m);
		return FAIL("cannot check memblock_free_all() of %lu pages",
			    model_free_all(&r->scratch));
	}
	return 0;
}

static int stage_check(struct runner *r)
{
	static int freed_value = -1;
	int st = ledger_lib_stage();

	if (st < 0)
		return 0;	/* a library without memblock_stage */
	if ((st == 0) != (r->m.stage == MS_EARLY))
		return FAIL("memblock_stage %d, model stage %d", st, r->m.stage);
	if (r->m.stage == MS_FREED)
		freed_value = st;
	else if (r->m.stage == MS_DISCARDED && st == freed_value &&
		 !CONFIG_ARCH_KEEP_MEMBLOCK)
		return FAIL("memblock_stage %d after memblock_discard()", st);
	return 0;
}

int runner_step(struct runner *r, const struct op *op_in)
{
	struct op o = *op_in;

	return step(r, &o);
}

static int step(struct runner *r, struct op *op)
{
	struct model *s = &r->scratch;
	unsigned long long want, got;
	struct lg_call c = { 0 };
	lg_addr alo[MT_NR], ahi[MT_NR];
	bool exact, accepted = false, commit = true, kept_late = false;
	const char *diff;
	char desc[200];

	r->st.ops++;
	remap(r, op);
	if (op->kind == OP_REENTER) {
		r->reenter = op->x;
		return 0;
	}
	if (op->kind == OP_QUERY || op->kind == OP_ITER) {
		static struct model view;
		int ret;

		set_busy(r);
		make_view(r, &view);
		r->qm = &view;
		r->hook_why[0] = 0;
		ret = op->kind == OP_QUERY ? check_queries(r, op)
					   : check_iterators(r, op);
		if (r->hook_why[0])
			ret = FAIL("%s", r->hook_why);
		if (ret) {
			size_t len = strlen(r->why);

			op_describe(op, desc, sizeof(desc));
			snprintf(r->why + len, sizeof(r->why) - len, " in %s",
				 desc);
		}
		return ret;
	}
	aim(r, op);
	if (op->kind == OP_FREE_ALL && r->m.stage == MS_EARLY &&
	    bound_free_all(r))
		return -1;
	op_describe(op, desc, sizeof(desc));

	/* The model goes first, on a copy, told where the arrays are. */
	set_busy(r);
	exact = r->m.exact = !r->m.can_resize && !r->m.nbusy;
	model_copy(s, &r->m);
	if (op->kind == OP_RESERVE && s->stage == MS_EARLY)
		adopt(r, s, op->a, op->b);
	want = model_apply(s, op);
	if (want && want != PANICKED &&
	    (is_virt_alloc(op->kind) || op->kind == OP_ALLOC_OR_PANIC) &&
	    !ledger_hostable(want, (lg_addr)want + op->a))
		return FAIL("%s: cannot check: the block at %#llx is outside the host windows",
			    desc, want);
	if (want && want != PANICKED && zeroes(op->kind))
		test_fill_phys(want, op->a, 0xa5);

	r->hook_why[0] = 0;
	ledger_begin(&r->lg);
	got = lib_apply(op);
	if (r->hook_why[0])
		return FAIL("%s: %s", desc, r->hook_why);

	/* Where growth decides (see model.h), a refusal must change nothing. */
	if (!exact && got != want) {
		if ((int_mutator(op->kind) && want == 0 && got == (unsigned)-ENOMEM) ||
		    (is_alloc(op->kind) && want && want != PANICKED &&
		     (!got || got == PANICKED)))
			accepted = true;
	}
	if (!exact && !int_mutator(op->kind) && !is_alloc(op->kind) &&
	    model_changed(s, &r->m) && ledger_unchanged(&r->lg) &&
	    op->kind != OP_FREE_LATE)
		accepted = true;	/* a void call refused */
	if (op->kind == OP_FREE_LATE && op->b && !r->lg.discarded) {
		/* The range stays reserved when the split does not fit. */
		kept_late = exact ? !model_changed(s, &r->m)
				  : memblock_is_region_reserved(op->a, op->b) &&
					    ledger_unchanged(&r->lg);
		if (kept_late && !exact)
			commit = false;
		if (kept_late)
			c.must_be_unchanged = true;
	}
	/*
	 * Where growth decides, a found block whose reservation fails counts
	 * as not found (Linux): the library may return a later address of
	 * the fallback chain. The model then takes that one.
	 */
	if (!exact && is_alloc(op->kind) && want && want != PANICKED && got &&
	    got != PANICKED && got != want) {
		for (int k = 0; k < s->ncand; k++) {
			if (s->cand[k] != got)
				continue;
			model_copy(s, &r->m);
			model_add(s, MT_RESERVED, (phys_addr_t)got, op->a,
				  MAX_NUMNODES, 0);
			want = got;
			r->st.refused++;
			break;
		}
	}
	if (accepted) {
		commit = false;
		r->st.refused++;
	}

	/* Zeroing, before the ledger puts the caller's canaries there. */
	if (got && got != PANICKED && zeroes(op->kind) &&
	    ledger_hostable(got, (lg_addr)got + op->a) &&
	    !test_phys_all(got, op->a, 0))
		return FAIL("%s: memory at %#llx not zeroed", desc, got);

	/* What the call did on the caller's side. */
	c.name = desc;
	if (int_mutator(op->kind) || op->kind == OP_FREE_LATE ||
	    op->kind == OP_FREE) {
		phys_addr_t sz = clamp_size(op->a, op->b);

		c.edit_lo = op->a;
		c.edit_hi = (lg_addr)op->a + sz;
	}
	if (is_alloc(op->kind)) {
		c.is_alloc = true;
		c.got = got == PANICKED ? 0 : (phys_addr_t)got;
		c.size = op->a;
		alloc_bounds(r, op, &c);
		c.failed = !c.got;
		if (c.got) {
			c.edit_lo = c.got;
			c.edit_hi = (lg_addr)c.got + c.size;
		}
	} else if (int_mutator(op->kind)) {
		c.failed = got != 0;
	}
	if (op->kind == OP_FIND || op->kind == OP_FIND_NODE)
		c.must_be_unchanged = true;	/* read-only */
	if (accepted)
		c.must_be_unchanged = true;
	if (op->kind == OP_FREE_ALL) {
		c.pages = LG_PAGES_FREE_ALL;
		r->st.free_alls++;
	} else if (op->kind == OP_FREE_LATE && r->m.stage == MS_FREED &&
		   !kept_late) {
		/* Kept reserved (no room for the split): nothing released. */
		c.pages = LG_PAGES_RANGE;
		c.pbase = op->a;
		c.psize = op->b;
		r->st.free_lates++;
	} else if (op->kind == OP_DISCARD && r->m.stage == MS_FREED) {
		c.pages = LG_PAGES_ARRAYS;
		r->st.discards++;
	}
	/* A void call that changed nothing (refused, or nothing to do). */
	if ((op->kind == OP_FREE || op->kind == OP_CAP_RANGE ||
	     op->kind == OP_ENFORCE_LIMIT || op->kind == OP_MEM_LIMIT_REMOVE_MAP) &&
	    ledger_unchanged(&r->lg))
		c.failed = true;
	if (!accepted && !c.failed) {
		phys_addr_t mx;

		switch (op->kind) {
		case OP_RESERVE:
			ledger_claim(&r->lg, op->a, op->b);
			break;
		case OP_PHYS_FREE:
			ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_FREE:
			if (!op->x && r->m.stage == MS_EARLY)
				ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_FREE_LATE:
			if (!kept_late && r->m.stage == MS_FREED)
				ledger_release(&r->lg, op->a, op->b);
			break;
		case OP_CAP_RANGE:
			if (r->m.stage != MS_DISCARDED && r->m.t[MT_MEMORY].n &&
			    clamp_size(op->a, op->b))
				ledger_keep(&r->lg, op->a,
					    (lg_addr)op->a + clamp_size(op->a, op->b));
			break;
		case OP_ENFORCE_LIMIT:
		case OP_MEM_LIMIT_REMOVE_MAP:
			if (r->m.stage != MS_DISCARDED && op->a &&
			    max_addr_for(&r->m, op->a, &mx))
				ledger_keep(&r->lg, 0, mx);
			break;
		default:
			if (c.is_alloc && c.got)
				ledger_claim(&r->lg, c.got, c.size);
			break;
		}
	}
	if (ledger_end(&r->lg, &c)) {
		snprintf(r->why, sizeof(r->why), "%s", r->lg.why);
		return -1;
	}
	ledger_live_arrays(&r->lg, alo, ahi);
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		r->st.grows += alo[t] != r->lg.arr_lo[t] || ahi[t] != r->lg.arr_hi[t];
		if (type && r->m.stage != MS_DISCARDED && type->max > r->st.max_seen[t])
			r->st.max_seen[t] = type->max;
	}

	if (commit)
		model_copy(&r->m, s);
	if (is_alloc(op->kind))
		want && want != PANICKED ? r->st.allocs_ok++ : r->st.allocs_failed++;
	else if (int_mutator(op->kind) && want)
		r->st.errors++;
	if (!accepted && got != want)
		return FAIL("%s returned %#llx, model %#llx", desc, got, want);
	diff = model_compare(&r->m, r->static_arrays);
	if (diff)
		return FAIL("after %s: %s", desc, diff);
	return stage_check(r);
}

int runner_finish(struct runner *r)
{
	if (ledger_sweep(&r->lg)) {
		snprintf(r->why, sizeof(r->why), "at the end: %.480s", r->lg.why);
		return -1;
	}
	return 0;
}

void runner_print_lib(struct runner *r)
{
	lg_addr lo[MT_NR], hi[MT_NR];

	ledger_live_arrays(&r->lg, lo, hi);
	for (int t = 0; t < MT_NR; t++) {
		const struct memblock_type *type = lib_type_of(t);

		if (!type)
			continue;
		printf("# library %s: cnt %lu max %lu array %s [%#llx-%#llx)\n",
		       type->name, type->cnt, type->max,
		       lo[t] == hi[t] ? "static" : "grown",
		       (unsigned long long)lo[t], (unsigned long long)hi[t]);
		for (unsigned long k = 0; k < type->cnt && k < 40; k++)
			printf("#     [%lu] %#llx+%#llx f%#x n%d\n", k,
			       (unsigned long long)type->regions[k].base,
			       (unsigned long long)type->regions[k].size,
			       type->regions[k].flags, type->regions[k].nid);
	}
	printf("# ledger: %zu claims, stage freed %d discarded %d\n",
	       r->lg.nclaims, r->lg.freed, r->lg.discarded);
}

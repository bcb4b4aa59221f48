#include "field_walk.h"

#include <string.h>

/// The first set bit of `mask[0..<word_count]` at or after `position`, or -1.
static inline int64_t first_set_bit(const uint64_t *mask, int64_t word_count, int64_t position) {
    int64_t word = position >> 6;
    if (word >= word_count) return -1;
    uint64_t bits = mask[word] & (~(uint64_t)0 << (position & 63));
    while (bits == 0) {
        if (++word == word_count) return -1;
        bits = mask[word];
    }
    return word << 6 | __builtin_ctzll(bits);
}

void oncomatch_field_walk_start(oncomatch_field_walk *walk, const uint8_t *value, int64_t count,
                                int64_t word_count, int64_t comma_offset, bool glues_pieces,
                                bool has_entries) {
    walk->value = value;
    walk->has_entry = false;
    walk->count = count;
    walk->word_count = word_count;
    walk->comma_offset = comma_offset;
    walk->glues_pieces = glues_pieces;
    walk->ends_with_comma = false;
    walk->next_comma = -1;
    walk->entry_start = has_entries && walk->column_count > 0 ? 0 : count;
    walk->field_start = -1;
}

/// Locates the current entry's columns before number `limit`, or up to the entry's end (then
/// `field_start` is -1: nothing more to read).
///
/// The `|`s between two located columns are passed a word at a time (by counting them) while the
/// word holds no more than are to be passed, then one by one: the columns a survey reads lie far
/// apart in a VEP entry (0, 1, 3, 7, 23, 24).
static inline __attribute__((always_inline)) void read_fields(oncomatch_field_walk *walk,
                                                              const uint64_t *bars, int32_t limit,
                                                              oncomatch_entry_fields *fields) {
    if (walk->field_start < 0) return;
    int64_t word = walk->word, word_count = walk->word_count, entry_end = walk->entry_end;
    int64_t column = walk->column, field_start = walk->field_start;
    uint64_t bits = walk->bits;
    int32_t needed = walk->next_needed;
    while (needed < limit) {
        int64_t target = walk->columns[needed];
        if (target > column) {
            // Pass `target - column - 1` bars, then take the next one.
            int64_t skip = target - column - 1;
            for (;;) {
                while (bits == 0) {
                    if (++word >= word_count) goto ended;
                    bits = bars[word];
                }
                int64_t present = __builtin_popcountll(bits);
                if (present > skip) break;
                skip -= present;
                bits = 0;
            }
            while (skip-- > 0) bits &= bits - 1;
            int64_t bar = word << 6 | __builtin_ctzll(bits);
            if (bar >= entry_end) goto ended;
            bits &= bits - 1;
            column = target;
            field_start = bar + 1;
        }
        // The column ends at the next bar, or at the entry's end.
        while (bits == 0) {
            if (++word >= word_count) break;
            bits = bars[word];
        }
        int64_t end = entry_end;
        if (bits != 0) {
            int64_t bar = word << 6 | __builtin_ctzll(bits);
            if (bar < end) end = bar;
        }
        int8_t slot = walk->slots[needed];
        fields->starts[slot] = (int32_t)field_start;
        fields->ends[slot] = (int32_t)end;
        needed += 1;
        if (end == entry_end) goto ended;
    }
    walk->word = word;
    walk->bits = bits;
    walk->column = column;
    walk->field_start = field_start;
    walk->next_needed = needed;
    return;
ended:
    walk->next_needed = needed;
    walk->field_start = -1;
}

/// The common case of an entry's essential columns, all of whose ending bars lie within the
/// entry's first 64 bytes: they are taken from one 64-bit window of the `|` marks starting at the
/// entry (`start..<end`), by clearing its bits in turn, and the walk is left standing on the last
/// of them as `read_fields` would leave it. False, having changed nothing, otherwise.
static inline __attribute__((always_inline)) bool read_leading_fields(oncomatch_field_walk *walk,
                                                                      const uint64_t *bars, int64_t start,
                                                                      int64_t end,
                                                                      oncomatch_entry_fields *fields) {
    int32_t essential = walk->essential_count;
    if (essential == 0 || start >= end) return false;
    int64_t last = walk->columns[essential - 1];
    if (last >= 64) return false;
    int64_t word = start >> 6, word_count = walk->word_count;
    int shift = (int)(start & 63);
    uint64_t window = bars[word] >> shift;
    if (shift != 0 && word + 1 < word_count) window |= bars[word + 1] << (64 - shift);
    if (end - start < 64) window &= ((uint64_t)1 << (end - start)) - 1;
    // Bar number `last` (counting from 0) ends the last essential column.
    if (__builtin_popcountll(window) <= last) return false;
    int64_t passed = 0;         // bars cleared from `window`
    int64_t previous = -1;      // offset of the last bar cleared, from `start`
    int64_t field_start = start;
    for (int32_t needed = 0; needed < essential; needed++) {
        int64_t column = walk->columns[needed];
        while (passed < column) {
            previous = __builtin_ctzll(window);
            window &= window - 1;
            passed += 1;
        }
        field_start = column == 0 ? start : start + previous + 1;
        int8_t slot = walk->slots[needed];
        fields->starts[slot] = (int32_t)field_start;
        fields->ends[slot] = (int32_t)(start + __builtin_ctzll(window));
    }
    // Standing on column `last`, whose ending bar is the lowest one of `bits`.
    int64_t bar = start + __builtin_ctzll(window);
    walk->column = last;
    walk->field_start = field_start;
    walk->next_needed = essential;
    walk->word = bar >> 6;
    walk->bits = bars[bar >> 6] & (~(uint64_t)0 << (bar & 63));
    return true;
}

/// `oncomatch_field_walk_next` without passing over repeats: finds where the next entry ends, then
/// locates its essential columns.
static inline __attribute__((always_inline)) bool walk_next(oncomatch_field_walk *walk, const uint64_t *masks,
                                                            oncomatch_entry_fields *fields) {
    int64_t count = walk->count, start = walk->entry_start;
    if (!(start < count || (start == count && walk->ends_with_comma))) return false;
    const uint64_t *bars = masks, *commas = masks + walk->comma_offset;
    int64_t word_count = walk->word_count;
    // The entry ends at the first comma that starts another entry: any comma, or with glued
    // pieces one whose next separator is a `|`.
    int64_t end = walk->next_comma;
    if (end < 0) {
        end = first_set_bit(commas, word_count, start);
        if (end < 0) end = count;
    }
    walk->next_comma = -1;
    if (walk->glues_pieces) {
        while (end < count) {
            int64_t following = first_set_bit(commas, word_count, end + 1);
            if (following < 0) following = count;
            int64_t bar = first_set_bit(bars, word_count, end + 1);
            if (bar >= 0 && bar < following) {
                walk->next_comma = following;
                break;
            }
            end = following;
        }
    }
    walk->entry_end = end;
    walk->column = 0;
    walk->next_needed = 0;
    walk->field_start = start;
    int64_t word = start >> 6;
    walk->word = word;
    walk->bits = word < word_count ? bars[word] & (~(uint64_t)0 << (start & 63)) : 0;
    walk->ends_with_comma = end < count;
    walk->entry_start = end + 1;
    for (int slot = 0; slot < ONCOMATCH_FIELD_WALK_COLUMNS; slot++) fields->starts[slot] = -1;
    for (int slot = 0; slot < ONCOMATCH_FIELD_WALK_COLUMNS; slot++) fields->ends[slot] = 0;
    if (!read_leading_fields(walk, bars, start, end, fields)) {
        read_fields(walk, bars, walk->essential_count, fields);
    }
    return true;
}

/// Whether the `length` bytes at `x` and at `y` are equal, read a word at a time (overlapping at
/// the end: never past either range). Fields compared are short (an allele, a gene symbol).
static inline __attribute__((always_inline)) bool same_bytes(const uint8_t *x, const uint8_t *y,
                                                             int32_t length) {
    if (length >= 8) {
        int32_t index = 0;
        for (; index + 8 < length; index += 8) {
            uint64_t p, q;
            memcpy(&p, x + index, 8);
            memcpy(&q, y + index, 8);
            if (p != q) return false;
        }
        uint64_t p, q;
        memcpy(&p, x + length - 8, 8);
        memcpy(&q, y + length - 8, 8);
        return p == q;
    }
    if (length >= 4) {
        uint32_t p, q, r, t;
        memcpy(&p, x, 4);
        memcpy(&q, y, 4);
        memcpy(&r, x + length - 4, 4);
        memcpy(&t, y + length - 4, 4);
        return p == q && r == t;
    }
    for (int32_t index = 0; index < length; index++) {
        if (x[index] != y[index]) return false;
    }
    return true;
}

/// Whether the fields of `slots` (a bit per slot) lie at byte-for-byte equal ranges of `value` in
/// `a` and `b`.
static inline __attribute__((always_inline)) bool same_fields(const uint8_t *value, uint32_t slots,
                                                              const oncomatch_entry_fields *a,
                                                              const oncomatch_entry_fields *b) {
    while (slots != 0) {
        int slot = __builtin_ctz(slots);
        slots &= slots - 1;
        int32_t start_a = a->starts[slot], start_b = b->starts[slot];
        if (start_a < 0 || start_b < 0) {
            if (start_a != start_b && (start_a >= 0 || start_b >= 0)) return false;
            continue;
        }
        int32_t length = a->ends[slot] - start_a;
        if (b->ends[slot] - start_b != length) return false;
        if (!same_bytes(value + start_a, value + start_b, length)) return false;
    }
    return true;
}

/// `walk_next`, passing over the entries whose `repeat_slots` repeat those of the entry the walk
/// stands on.
static inline __attribute__((always_inline)) bool walk_next_passing_repeats(oncomatch_field_walk *walk,
                                                                            const uint64_t *masks,
                                                                            uint32_t repeat_slots,
                                                                            oncomatch_entry_fields *fields) {
    if (repeat_slots == 0 || !walk->has_entry) {
        walk->has_entry = true;
        return walk_next(walk, masks, fields);
    }
    oncomatch_entry_fields current = *fields;
    while (walk_next(walk, masks, fields)) {
        if (!same_fields(walk->value, repeat_slots, &current, fields)) return true;
    }
    return false;
}

static inline __attribute__((always_inline)) void walk_rest(oncomatch_field_walk *walk, const uint64_t *masks,
                                                            oncomatch_entry_fields *fields) {
    read_fields(walk, masks, walk->column_count, fields);
}

bool oncomatch_field_walk_next_portable(oncomatch_field_walk *walk, const uint64_t *masks,
                                        uint32_t repeat_slots, oncomatch_entry_fields *fields) {
    return walk_next_passing_repeats(walk, masks, repeat_slots, fields);
}

void oncomatch_field_walk_rest_portable(oncomatch_field_walk *walk, const uint64_t *masks,
                                        oncomatch_entry_fields *fields) {
    walk_rest(walk, masks, fields);
}

#if defined(__x86_64__)
#include "cpu_feature.h"

// The walk counts bits: built once for the baseline processor (whose population count is a
// dozen instructions) and once with POPCNT, chosen at run time.

__attribute__((target("popcnt"))) static bool walk_next_popcnt(oncomatch_field_walk *walk,
                                                                const uint64_t *masks, uint32_t repeat_slots,
                                                                oncomatch_entry_fields *fields) {
    return walk_next_passing_repeats(walk, masks, repeat_slots, fields);
}

__attribute__((target("popcnt"))) static void walk_rest_popcnt(oncomatch_field_walk *walk,
                                                                const uint64_t *masks,
                                                                oncomatch_entry_fields *fields) {
    walk_rest(walk, masks, fields);
}

/// Whether the POPCNT builds run.
ONCOMATCH_CPU_FEATURE_CHECK(has_popcnt, "popcnt")

bool oncomatch_field_walk_next(oncomatch_field_walk *walk, const uint64_t *masks, uint32_t repeat_slots,
                               oncomatch_entry_fields *fields) {
    if (has_popcnt()) return walk_next_popcnt(walk, masks, repeat_slots, fields);
    return oncomatch_field_walk_next_portable(walk, masks, repeat_slots, fields);
}

void oncomatch_field_walk_rest(oncomatch_field_walk *walk, const uint64_t *masks,
                               oncomatch_entry_fields *fields) {
    if (has_popcnt()) {
        walk_rest_popcnt(walk, masks, fields);
    } else {
        oncomatch_field_walk_rest_portable(walk, masks, fields);
    }
}

#else

bool oncomatch_field_walk_next(oncomatch_field_walk *walk, const uint64_t *masks, uint32_t repeat_slots,
                               oncomatch_entry_fields *fields) {
    return oncomatch_field_walk_next_portable(walk, masks, repeat_slots, fields);
}

void oncomatch_field_walk_rest(oncomatch_field_walk *walk, const uint64_t *masks,
                               oncomatch_entry_fields *fields) {
    oncomatch_field_walk_rest_portable(walk, masks, fields);
}

#endif

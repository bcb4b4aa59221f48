#ifndef ONCOMATCH_FIELD_WALK_H
#define ONCOMATCH_FIELD_WALK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// The most columns a field walk locates per entry.
#define ONCOMATCH_FIELD_WALK_COLUMNS 8

/// Where the located fields of one entry lie: `starts[slot]..<ends[slot]` as offsets in the value,
/// a start of -1 for a field the entry lacks.
typedef struct oncomatch_entry_fields {
    int32_t starts[ONCOMATCH_FIELD_WALK_COLUMNS];
    int32_t ends[ONCOMATCH_FIELD_WALK_COLUMNS];
} oncomatch_entry_fields;

/// A walk over the entries of a value whose field separators (`|`) and entry separators (`,`) are
/// marked in bit masks (`oncomatch_mark_bytes`), locating a few columns of each entry from the set
/// bits alone (the bytes are never read).
///
/// Entries end at commas, except that with `glues_pieces` a comma whose next separator is not a
/// `|` lies inside the entry's last field (a VEP/SnpEff value whose last field holds a comma). An
/// entry that ended at a comma is followed by another, empty one at the value's end.
///
/// Set `columns`, `slots`, `column_count` and `essential_count` once; `oncomatch_field_walk_start`
/// sets the rest per value.
typedef struct oncomatch_field_walk {
    /// The columns located, increasing, and the slot (index in `oncomatch_entry_fields`) of each.
    int32_t columns[ONCOMATCH_FIELD_WALK_COLUMNS];
    int8_t slots[ONCOMATCH_FIELD_WALK_COLUMNS];
    int32_t column_count;
    /// How many of `columns` `oncomatch_field_walk_next` locates; `oncomatch_field_walk_rest` the
    /// others.
    int32_t essential_count;

    // The value: its length, the masks' word count, and where the `,` masks start (in words
    // after the `|` masks' first word).
    int64_t count;
    int64_t word_count;
    int64_t comma_offset;
    bool glues_pieces;
    /// Whether the current entry ended at a comma.
    bool ends_with_comma;
    /// Whether the walk has moved to an entry of this value yet.
    bool has_entry;
    /// The value's bytes (read only to compare fields: `oncomatch_field_walk_next`).
    const uint8_t *value;
    /// Where the next entry starts (past `count`: none).
    int64_t entry_start;
    /// The comma ending the next entry when the last one's walk found it, else -1.
    int64_t next_comma;

    // The current entry: its end, the column the walk stands on and where it starts (-1: the
    // entry is read to its end), the next of `columns` to locate, and the `|` marks not yet passed
    // (`bits`, of word `word`; the lowest one ends the column the walk stands on).
    int64_t entry_end;
    int64_t column;
    int64_t field_start;
    int64_t word;
    uint64_t bits;
    int32_t next_needed;
} oncomatch_field_walk;

/// Starts a walk over the `count` bytes at `value`, whose masks are `masks[0..<word_count]` (`|`)
/// and `masks[comma_offset..<comma_offset + word_count]` (`,`); `has_entries` false for a value
/// without entries (empty, or `.`).
void oncomatch_field_walk_start(oncomatch_field_walk *walk, const uint8_t *value, int64_t count,
                                int64_t word_count, int64_t comma_offset, bool glues_pieces,
                                bool has_entries);

/// Moves to the next entry and locates its first `essential_count` columns into `fields` (all of
/// whose slots are reset first); false after the last entry.
///
/// With `repeat_slots` (bit `n` for slot `n`; slots of essential columns), passes over the entries
/// whose fields in those slots are byte for byte the ones `fields` holds (those of the entry the
/// walk stands on): a caller to whom such an entry would tell nothing new is not handed it. (An
/// absent field equals only an absent one.) The first entry of a value is never passed over.
bool oncomatch_field_walk_next(oncomatch_field_walk *walk, const uint64_t *masks, uint32_t repeat_slots,
                               oncomatch_entry_fields *fields);

/// Locates the current entry's other columns into `fields` (none when the entry ended within those
/// located: `field_start` is then -1).
///
/// Both count bits with POPCNT when the CPU has it (checked once).
void oncomatch_field_walk_rest(oncomatch_field_walk *walk, const uint64_t *masks,
                               oncomatch_entry_fields *fields);

/// The walk built for the baseline processor (for tests: where the CPU has POPCNT, the functions
/// above never use it).
bool oncomatch_field_walk_next_portable(oncomatch_field_walk *walk, const uint64_t *masks,
                                        uint32_t repeat_slots, oncomatch_entry_fields *fields);
void oncomatch_field_walk_rest_portable(oncomatch_field_walk *walk, const uint64_t *masks,
                                        oncomatch_entry_fields *fields);

#endif

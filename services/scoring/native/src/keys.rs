//! The bookkeeping of the scoring engine's key pass, compiled: a report's skeleton
//! (`skeleton.Skeleton`), which keys occur in it, which units have all their conditions met,
//! and where each can start (for a unit with a gap, only where its tail is in reach: `tails`).
//!
//! `prefilter.Index` builds a `KeyIndex` from what it computed at import and asks it, per
//! report, for the units to try; the regexes themselves stay Python's (`re`). The Python code
//! in `prefilter` is the reference: a test checks the two agree. Done in Python, this
//! bookkeeping (~320 key matches, ~14 units and ~22 starts in a 1.6 KB report) cost more than
//! the regexes it leads to.

use std::cell::OnceCell;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// What a unit wants back besides being met: nothing (0), or
/// folded offsets where it can start, from its heads after a space in the skeleton.
const WANTS_WORD_STARTS: u8 = 1;
/// Folded offsets where one of its heads, spelt as they are, occurs in the text.
const WANTS_HEADS: u8 = 2;

/// (wants, unspaced_only, heads, tail) of a unit, as `prefilter` hands it over; a tail is
/// (bound, heads).
type UnitSpec = (u8, bool, Vec<(u32, u8)>, Option<(u32, Vec<(u32, u8)>)>);

/// What follows a unit's first gap (`units.Tail`, `tails`): the unit is tried only at heads
/// from which one of the tail's heads is in reach.
struct Tail {
    /// For a unit wanting word starts, the stretches outside words the part before the gap
    /// can cross; for one wanting heads, the most characters from its start to its tail's.
    bound: u32,
    heads: Vec<(u32, u8)>,
}

struct Unit {
    wants: u8,
    /// In a script written without spaces: only tried when the text has such a script.
    unspaced_only: bool,
    /// (key number, where): see `skeleton.Skeleton.starts`.
    heads: Vec<(u32, u8)>,
    tail: Option<Tail>,
}

#[pyclass(frozen)]
pub struct KeyIndex {
    words: AhoCorasick,
    word_numbers: Vec<u32>,
    raw: AhoCorasick,
    raw_numbers: Vec<u32>,
    keys: usize,
    /// The skeleton's byte for each code point up to the highest cp1251 has; `unknown` beyond.
    spellings: Vec<u8>,
    unknown: u8,
    /// Whether a run of that skeleton byte collapses to one.
    repeatable: Vec<bool>,
    /// Scripts written without spaces: a text with one also has its raw keys looked for.
    unspaced_ranges: Vec<(u32, u32)>,
    /// The lowest code point of those scripts.
    unspaced_from: u32,
    /// For each code point below its length, whether `re` counts it in a word run (`[\w-]`,
    /// `tails.word_characters`); a text with a higher one has no tail bounds.
    word_characters: Vec<bool>,
    /// Characters a gap spans after its word (`tails.GAP_REACH`).
    gap_reach: u32,
    /// Whether a key's places are wanted: it is a head of a unit that wants word starts, or of
    /// such a unit's tail (a report's ~330 key matches hold ~100 of those; only they are kept
    /// and sorted).
    placed: Vec<bool>,
    /// Units by the key that brings them up (`conditions.Conditions`).
    filed: Vec<Vec<u32>>,
    always: Vec<u32>,
    /// Each unit's other conditions: one of each set of keys must occur.
    others: Vec<Vec<Vec<u32>>>,
    units: Vec<Unit>,
}

/// A DFA: ~25 MB more than a contiguous NFA for the ~20,000 word keys, and ~3 µs less a 1.6 KB
/// report (make bench-scoring 5.38-5.72x -> 5.08-5.2x the baseline, 2026-12-05).
fn automaton<P: AsRef<[u8]>>(patterns: &[P]) -> PyResult<AhoCorasick> {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard) // every occurrence of every key: overlapping search
        .build(patterns)
        .map_err(|error| PyValueError::new_err(error.to_string()))
}

fn numbers_fit(numbers: &[u32], keys: usize, what: &str) -> PyResult<()> {
    match numbers.iter().find(|&&n| n as usize >= keys) {
        Some(n) => Err(PyValueError::new_err(format!(
            "{what}: key number {n} >= {keys}"
        ))),
        None => Ok(()),
    }
}

/// Python's `bisect_left(sorted, x)`.
fn bisect_left(sorted: &[u32], x: u32) -> u32 {
    sorted.partition_point(|&d| d < x) as u32
}

#[pymethods]
impl KeyIndex {
    #[new]
    #[allow(clippy::too_many_arguments)]
    fn new(
        word_keys: Vec<Vec<u8>>,
        word_numbers: Vec<u32>,
        raw_keys: Vec<Vec<u8>>,
        raw_numbers: Vec<u32>,
        keys: usize,
        filed: Vec<Vec<u32>>,
        always: Vec<u32>,
        others: Vec<Vec<Vec<u32>>>,
        units: Vec<UnitSpec>,
        spellings: Vec<u8>,
        repeatable: Vec<u8>,
        unspaced_ranges: Vec<(u32, u32)>,
        word_characters: Vec<u8>,
        gap_reach: u32,
    ) -> PyResult<Self> {
        if spellings.len() <= '?' as usize || repeatable.len() != 256 {
            return Err(PyValueError::new_err(
                "spellings must reach '?'; repeatable needs 256",
            ));
        }
        if word_keys.len() != word_numbers.len() || raw_keys.len() != raw_numbers.len() {
            return Err(PyValueError::new_err("each key needs its number"));
        }
        if filed.len() != keys || others.len() != units.len() {
            return Err(PyValueError::new_err(
                "filed must have one entry a key, others one a unit",
            ));
        }
        numbers_fit(&word_numbers, keys, "word_numbers")?;
        numbers_fit(&raw_numbers, keys, "raw_numbers")?;
        let unit_count = units.len();
        let all_units: Vec<u32> = filed.iter().flatten().chain(&always).copied().collect();
        numbers_fit(&all_units, unit_count, "filed and always (unit numbers)")?;
        let condition_keys: Vec<u32> = others.iter().flatten().flatten().copied().collect();
        numbers_fit(&condition_keys, keys, "others")?;
        let tail_heads = |u: &UnitSpec| u.3.iter().flat_map(|t| t.1.clone()).collect::<Vec<_>>();
        let head_keys: Vec<u32> = units
            .iter()
            .flat_map(|u| {
                u.2.iter()
                    .chain(&tail_heads(u))
                    .map(|h| h.0)
                    .collect::<Vec<_>>()
            })
            .collect();
        numbers_fit(&head_keys, keys, "heads")?;
        let mut placed = vec![false; keys];
        for unit in units.iter().filter(|u| u.0 != 0) {
            for &(key, _) in unit.2.iter().chain(&tail_heads(unit)) {
                placed[key as usize] = true;
            }
        }
        Ok(KeyIndex {
            words: automaton(&word_keys)?,
            word_numbers,
            raw: automaton(&raw_keys)?,
            raw_numbers,
            keys,
            unknown: spellings['?' as usize],
            spellings,
            repeatable: repeatable.iter().map(|&b| b != 0).collect(),
            unspaced_from: unspaced_ranges
                .iter()
                .map(|r| r.0)
                .min()
                .unwrap_or(u32::MAX),
            unspaced_ranges,
            word_characters: word_characters.iter().map(|&b| b != 0).collect(),
            gap_reach,
            placed,
            filed,
            always,
            others,
            units: units
                .into_iter()
                .map(|(wants, unspaced_only, heads, tail)| Unit {
                    wants,
                    unspaced_only,
                    heads,
                    tail: tail.map(|(bound, heads)| Tail { bound, heads }),
                })
                .collect(),
        })
    }

    /// The units met by a folded report (in UTF-8), in unit order, each with what it wants
    /// (see `WANTS_*`).
    fn find(&self, text: &[u8]) -> PyResult<Vec<(u32, Vec<u32>)>> {
        let text = std::str::from_utf8(text).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let (skeleton, dropped, unspaced) = self.skeleton(text);
        let unspaced = unspaced.then_some(text.as_bytes());
        let mut present = vec![false; self.keys];
        let mut present_keys: Vec<u32> = Vec::new();
        // (key, skeleton offset) of every occurrence of a key whose places are wanted, sorted:
        // a key's are found by bisection.
        let mut occurrences: Vec<(u32, u32)> = Vec::with_capacity(256);
        for found in self.words.find_overlapping_iter(&skeleton) {
            let key = self.word_numbers[found.pattern().as_usize()];
            if !present[key as usize] {
                present[key as usize] = true;
                present_keys.push(key);
            }
            if self.placed[key as usize] {
                occurrences.push((key, found.start() as u32));
            }
        }
        // (key, byte offset) of raw keys, likewise
        let mut raw_occurrences: Vec<(u32, u32)> = Vec::new();
        if let Some(text) = unspaced {
            for found in self.raw.find_overlapping_iter(text) {
                let key = self.raw_numbers[found.pattern().as_usize()];
                if !present[key as usize] {
                    present[key as usize] = true;
                    present_keys.push(key);
                }
                if self.placed[key as usize] {
                    raw_occurrences.push((key, found.start() as u32));
                }
            }
        }
        occurrences.sort_unstable();
        raw_occurrences.sort_unstable();
        let report = Report {
            text,
            present,
            occurrences,
            raw_occurrences,
            dropped,
            run_ends: OnceCell::new(),
            code_points: OnceCell::new(),
        };
        let present = &report.present;

        let mut brought = vec![false; self.units.len()];
        let mut met: Vec<u32> = Vec::new();
        for &unit in self
            .always
            .iter()
            .chain(present_keys.iter().flat_map(|&k| &self.filed[k as usize]))
        {
            if !brought[unit as usize] {
                brought[unit as usize] = true;
                met.push(unit);
            }
        }
        met.sort_unstable();

        let mut out = Vec::new();
        for unit_number in met {
            let unit = &self.units[unit_number as usize];
            if unit.unspaced_only && unspaced.is_none() {
                continue;
            }
            let conditions = &self.others[unit_number as usize];
            if !conditions
                .iter()
                .all(|keys| keys.iter().any(|&k| present[k as usize]))
            {
                continue;
            }
            let places = match unit.wants {
                WANTS_WORD_STARTS => report.word_places(self, unit),
                WANTS_HEADS => report.head_places(unit),
                _ => Some(Vec::new()),
            };
            let Some(places) = places else {
                continue; // its tail is nowhere in reach
            };
            out.push((unit_number, places));
        }
        Ok(out)
    }
}

/// What the key pass found in one report, for working out where each met unit is tried.
struct Report<'t> {
    text: &'t str,
    present: Vec<bool>,
    /// (key, skeleton offset) of each occurrence of a placed word key, sorted.
    occurrences: Vec<(u32, u32)>,
    /// (key, byte offset) of each occurrence of a placed raw key, sorted.
    raw_occurrences: Vec<(u32, u32)>,
    dropped: Vec<u32>,
    /// `KeyIndex::run_ends`, once a unit's tail needs them.
    run_ends: OnceCell<Option<Vec<u32>>>,
    /// Byte offset -> code point offset, once a unit in a script without spaces needs it.
    code_points: OnceCell<Vec<u32>>,
}

impl Report<'_> {
    /// Where a unit wanting word starts is tried: at its heads, only those from which its tail
    /// is in reach when it has one; None when that is nowhere.
    fn word_places(&self, index: &KeyIndex, unit: &Unit) -> Option<Vec<u32>> {
        let starts = word_starts(&unit.heads, &self.present, &self.occurrences, &self.dropped);
        let Some(tail) = &unit.tail else {
            return Some(starts);
        };
        let Some(ends) = self.run_ends.get_or_init(|| index.run_ends(self.text)) else {
            return Some(starts); // a character `word_characters` does not reach
        };
        let tail_starts = word_starts(&tail.heads, &self.present, &self.occurrences, &self.dropped);
        let kept = index.in_reach(starts, &tail_starts, ends, tail.bound);
        (!kept.is_empty()).then_some(kept)
    }

    /// Where a unit wanting heads is tried: where its heads occur, only those with its tail
    /// within its bound when it has one; None when that is nowhere.
    fn head_places(&self, unit: &Unit) -> Option<Vec<u32>> {
        let code_points = self
            .code_points
            .get_or_init(|| code_point_offsets(self.text));
        let starts = places(
            &unit.heads,
            &self.present,
            &self.raw_occurrences,
            code_points,
        );
        let Some(tail) = &unit.tail else {
            return Some(starts);
        };
        let tail_starts = places(
            &tail.heads,
            &self.present,
            &self.raw_occurrences,
            code_points,
        );
        let kept = within(starts, &tail_starts, tail.bound);
        (!kept.is_empty()).then_some(kept)
    }
}

impl KeyIndex {
    /// `Skeleton(text).data`, for each dropped repeat, in order, how many skeleton characters
    /// come before it (`Skeleton.dropped`), and whether the text has a character of a script
    /// written without spaces. One byte a code point: a space, each character's spelling, a
    /// space; a byte equal to the one before it is dropped when it is repeatable.
    fn skeleton(&self, text: &str) -> (Vec<u8>, Vec<u32>, bool) {
        // One slot a code point and the two spaces; a dropped repeat's slot is written over.
        let mut data = vec![b' '; text.len() + 2];
        let mut dropped = Vec::new();
        let mut unspaced = false;
        let mut len = 1;
        let mut previous = b' ';
        for c in text.chars().chain([' ']) {
            let code = c as u32;
            if code >= self.unspaced_from && !unspaced {
                unspaced = self
                    .unspaced_ranges
                    .iter()
                    .any(|&(a, b)| (a..=b).contains(&code));
            }
            let spelt = self.spelling(c);
            let repeat = spelt == previous && self.repeatable[spelt as usize];
            if repeat {
                dropped.push(len as u32 - 1);
            }
            data[len] = spelt;
            len += usize::from(!repeat);
            previous = spelt;
        }
        data.truncate(len);
        (data, dropped, unspaced)
    }

    fn spelling(&self, c: char) -> u8 {
        *self.spellings.get(c as usize).unwrap_or(&self.unknown)
    }

    /// `tails.run_ends`: the code point offsets where runs of word characters end; None when
    /// the text has a character `word_characters` does not reach.
    fn run_ends(&self, text: &str) -> Option<Vec<u32>> {
        let mut ends = Vec::new();
        let mut in_run = false;
        let mut at = 0u32;
        for c in text.chars() {
            let word = *self.word_characters.get(c as usize)?;
            if in_run && !word {
                ends.push(at);
            }
            in_run = word;
            at += 1;
        }
        if in_run {
            ends.push(at);
        }
        Some(ends)
    }

    /// `tails.in_reach`: the `starts` from which one of `tail_starts` (sorted) is in reach.
    fn in_reach(
        &self,
        starts: Vec<u32>,
        tail_starts: &[u32],
        ends: &[u32],
        crossed: u32,
    ) -> Vec<u32> {
        starts
            .into_iter()
            .filter(|&start| {
                let run = ends.partition_point(|&end| end <= start) + crossed as usize;
                let limit = ends
                    .get(run)
                    .map_or(u32::MAX, |&end| end.saturating_add(self.gap_reach));
                let first = tail_starts.partition_point(|&t| t < start);
                tail_starts.get(first).is_some_and(|&t| t <= limit)
            })
            .collect()
    }
}

/// `prefilter._word_starts`: the folded offsets of the places the unit's heads occur
/// (`Skeleton.starts`), sorted.
fn word_starts(
    heads: &[(u32, u8)],
    present: &[bool],
    occurrences: &[(u32, u32)],
    dropped: &[u32],
) -> Vec<u32> {
    let mut starts = Vec::new();
    for &(key, place) in heads {
        if !present[key as usize] {
            continue;
        }
        for at in of_key(occurrences, key) {
            // skeleton offset o is folded offset o + bisect_left(dropped, o) - 1
            let after = at + bisect_left(dropped, at + 1);
            if place == 1 {
                starts.push(after);
            } else {
                let run = (at + bisect_left(dropped, at)).saturating_sub(1);
                let end = if place == 2 { after + 1 } else { after };
                starts.extend(run..end);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// The places of `key` in `occurrences` ((key, place), sorted).
fn of_key(occurrences: &[(u32, u32)], key: u32) -> impl Iterator<Item = u32> + '_ {
    let first = occurrences.partition_point(|&(k, _)| k < key);
    occurrences[first..]
        .iter()
        .take_while(move |&&(k, _)| k == key)
        .map(|&(_, at)| at)
}

/// For each byte offset of `text` that starts a character (and its end), the code point offset.
fn code_point_offsets(text: &str) -> Vec<u32> {
    let mut offsets = vec![0u32; text.len() + 1];
    let mut count = 0u32;
    for (at, _) in text.char_indices() {
        offsets[at] = count;
        count += 1;
    }
    offsets[text.len()] = count;
    offsets
}

/// `prefilter._places`: the folded offsets where the present ones of `heads` occur, sorted.
fn places(
    heads: &[(u32, u8)],
    present: &[bool],
    occurrences: &[(u32, u32)],
    code_points: &[u32],
) -> Vec<u32> {
    let mut starts = Vec::new();
    for &(key, _) in heads {
        if !present[key as usize] {
            continue;
        }
        starts.extend(of_key(occurrences, key).map(|at| code_points[at as usize]));
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// `tails.within`: the `starts` with one of `tail_starts` (sorted) at most `bound` on.
fn within(starts: Vec<u32>, tail_starts: &[u32], bound: u32) -> Vec<u32> {
    starts
        .into_iter()
        .filter(|&start| {
            let first = tail_starts.partition_point(|&t| t < start);
            tail_starts
                .get(first)
                .is_some_and(|&t| t <= start.saturating_add(bound))
        })
        .collect()
}

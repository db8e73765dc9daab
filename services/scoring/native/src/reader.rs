//! The second reader's `read` (`second_reader.read`), compiled: a report's words and word
//! pairs weighed by the generated model.
//!
//! Done in Python, a read of a 1.6 KB report cost ~90 µs, half of it tokenising with `re`.
//! What a word character is comes from Python itself (`second_reader.word_classes`, read off
//! `re`'s own classes), so words are cut exactly where Python cuts them, and the arithmetic is
//! done in the same order with the same C library: `second_reader.read` is the reference, and
//! tests require equal readings, to the last bit.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

const OTHER: u8 = 0;
const LETTER: u8 = 1; // `[^\W\d_]`
const DIGIT: u8 = 2; // `\d`
const BMP: usize = 0x10000;

/// Han characters (`second_reader._HAN`): a run of them is read as its character pairs.
fn is_han(c: char) -> bool {
    ('\u{3400}'..='\u{9fff}').contains(&c)
}

#[pyclass(frozen)]
pub struct WordReader {
    /// The class of each code point of the Basic Multilingual Plane; ranges beyond it.
    bmp: Vec<u8>,
    astral: Vec<(u32, u32, u8)>,
    weights: HashMap<String, (f64, f64)>,
    pair_firsts: HashSet<String>,
    intercept: f64,
    evidence_words: usize,
}

#[pymethods]
impl WordReader {
    /// `letters` and `digits`: ranges of code points (inclusive) of each class.
    #[new]
    fn new(
        letters: Vec<(u32, u32)>,
        digits: Vec<(u32, u32)>,
        weights: HashMap<String, (f64, f64)>,
        pair_firsts: HashSet<String>,
        intercept: f64,
        evidence_words: usize,
    ) -> PyResult<Self> {
        let mut bmp = vec![OTHER; BMP];
        let mut astral = Vec::new();
        for (ranges, class) in [(&letters, LETTER), (&digits, DIGIT)] {
            for &(first, last) in ranges {
                if first > last || last > char::MAX as u32 {
                    return Err(PyValueError::new_err(format!("bad range {first}..={last}")));
                }
                for code in first..=last.min(BMP as u32 - 1) {
                    bmp[code as usize] = class;
                }
                if last as usize >= BMP {
                    astral.push((first.max(BMP as u32), last, class));
                }
            }
        }
        astral.sort_unstable();
        Ok(WordReader {
            bmp,
            astral,
            weights,
            pair_firsts,
            intercept,
            evidence_words,
        })
    }

    /// (probability, how many known terms, heaviest towards an alert, heaviest against), as
    /// `second_reader.read` with the generated model; `text` is the folded report in UTF-8.
    fn read(&self, text: &[u8]) -> PyResult<(f64, usize, Vec<String>, Vec<String>)> {
        let text = std::str::from_utf8(text).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let (terms, counts) = self.known_terms(text);
        let values: Vec<f64> = terms
            .iter()
            .map(|t| (1.0 + f64::from(counts[t]).ln()) * self.weights[t].0)
            .collect();
        // Summed left to right, in the order the terms were first seen, as Python does.
        let mut squares = 0.0;
        for v in &values {
            squares += v * v;
        }
        let norm = if squares.sqrt() == 0.0 {
            1.0
        } else {
            squares.sqrt()
        };
        let contributions: Vec<f64> = terms
            .iter()
            .zip(&values)
            .map(|(t, v)| v / norm * self.weights[t].1)
            .collect();
        let mut sum = 0.0;
        for c in &contributions {
            sum += c;
        }
        let decision = self.intercept + sum;
        let odds = (-decision.abs()).exp();
        let probability = if decision >= 0.0 {
            1.0 / (1.0 + odds)
        } else {
            odds / (1.0 + odds)
        };
        let weighed = || contributions.iter().copied().zip(&terms);
        let mut towards: Vec<(f64, &String)> = weighed().filter(|(c, _)| *c > 0.0).collect();
        let mut against: Vec<(f64, &String)> = weighed().filter(|(c, _)| *c < 0.0).collect();
        towards.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| b.1.cmp(a.1)));
        against.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(b.1)));
        let heaviest = |weighed: Vec<(f64, &String)>| -> Vec<String> {
            weighed
                .into_iter()
                .take(self.evidence_words)
                .map(|(_, t)| t.clone())
                .collect()
        };
        Ok((
            probability,
            terms.len(),
            heaviest(towards),
            heaviest(against),
        ))
    }

    /// `second_reader.spans`: where each of the `wanted` terms is first written, in text
    /// order, as (start, end) offsets in code points of the folded report (`text`, in UTF-8).
    fn spans(&self, text: &[u8], wanted: HashSet<String>) -> PyResult<Vec<(usize, usize)>> {
        let text = std::str::from_utf8(text).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let words = self.words(text);
        let mut first: HashMap<String, (usize, usize)> = HashMap::default();
        for &(word, start, end) in &words {
            if wanted.contains(word) && !first.contains_key(word) {
                first.insert(word.to_string(), (start, end));
            }
        }
        let mut pair = String::new();
        for adjacent in words.windows(2) {
            let ((a, start, _), (b, _, end)) = (adjacent[0], adjacent[1]);
            pair.clear();
            pair.push_str(a);
            pair.push(' ');
            pair.push_str(b);
            if wanted.contains(pair.as_str()) && !first.contains_key(pair.as_str()) {
                first.insert(pair.clone(), (start, end));
            }
        }
        let mut out: Vec<(usize, usize)> = first.into_values().collect();
        out.sort_unstable();
        Ok(out)
    }
}

impl WordReader {
    /// The model's terms in the text, in the order first seen, and how often each occurs: its
    /// words (Chinese: character pairs), and each pair of adjacent words after a word that
    /// starts one of the model's pairs.
    fn known_terms(&self, text: &str) -> (Vec<String>, HashMap<String, u32>) {
        let mut terms: Vec<String> = Vec::new();
        let mut counts: HashMap<String, u32> = HashMap::default();
        let mut count = |term: &str| match counts.get_mut(term) {
            Some(n) => *n += 1,
            None => {
                terms.push(term.to_string());
                counts.insert(term.to_string(), 1);
            }
        };
        let split_han = text.chars().any(is_han);
        let mut pair = String::new();
        let mut previous: &str = "";
        let mut starts_a_pair = false;
        let mut words: Vec<&str> = Vec::new();
        for token in self.tokens(text) {
            words.clear();
            if split_han && token.chars().nth(1).is_some() && token.chars().any(is_han) {
                // its character pairs, each a slice of the text
                let bounds: Vec<usize> = token
                    .char_indices()
                    .map(|(at, _)| at)
                    .chain([token.len()])
                    .collect();
                words.extend(bounds.windows(3).map(|w| &token[w[0]..w[2]]));
            } else {
                words.push(token);
            }
            for &word in &words {
                if self.weights.contains_key(word) {
                    count(word);
                }
                if starts_a_pair {
                    pair.clear();
                    pair.push_str(previous);
                    pair.push(' ');
                    pair.push_str(word);
                    if self.weights.contains_key(pair.as_str()) {
                        count(&pair);
                    }
                }
                starts_a_pair = self.pair_firsts.contains(word);
                previous = word;
            }
        }
        (terms, counts)
    }

    fn class(&self, c: char) -> u8 {
        let code = c as u32;
        if (code as usize) < BMP {
            return self.bmp[code as usize];
        }
        // the first range not wholly below the code point, if it holds it
        let at = self.astral.partition_point(|&(_, last, _)| last < code);
        match self.astral.get(at) {
            Some(&(first, _, class)) if first <= code => class,
            _ => OTHER,
        }
    }

    /// `second_reader._words(text)`: its words (a Chinese run cut into its character pairs),
    /// each with its (start, end) offsets in code points.
    fn words<'t>(&self, text: &'t str) -> Vec<(&'t str, usize, usize)> {
        let mut out = Vec::new();
        let (mut start, mut start_char, mut run, mut chars) = (0, 0, OTHER, 0);
        for (at, c) in text.char_indices() {
            let class = self.class(c);
            if class != run {
                if run != OTHER {
                    push_word(&mut out, &text[start..at], start_char);
                }
                (start, start_char, run) = (at, chars, class);
            }
            chars += 1;
        }
        if run != OTHER {
            push_word(&mut out, &text[start..], start_char);
        }
        out
    }

    /// `_TOKEN.findall(text)`: the runs of letters and the runs of digits.
    fn tokens<'t>(&self, text: &'t str) -> Vec<&'t str> {
        let mut out = Vec::new();
        let mut start = 0;
        let mut run = OTHER;
        for (at, c) in text.char_indices() {
            let class = self.class(c);
            if class != run {
                if run != OTHER {
                    out.push(&text[start..at]);
                }
                start = at;
                run = class;
            }
        }
        if run != OTHER {
            out.push(&text[start..]);
        }
        out
    }
}

/// A token as `second_reader._split_han` reads it, from code point `first` on: its character
/// pairs when it is longer than one character and holds a Han one, else itself.
fn push_word<'t>(out: &mut Vec<(&'t str, usize, usize)>, token: &'t str, first: usize) {
    if token.chars().nth(1).is_some() && token.chars().any(is_han) {
        let bounds: Vec<usize> = token
            .char_indices()
            .map(|(at, _)| at)
            .chain([token.len()])
            .collect();
        for (i, pair) in bounds.windows(3).enumerate() {
            out.push((&token[pair[0]..pair[2]], first + i, first + i + 2));
        }
    } else {
        out.push((token, first, first + token.chars().count()));
    }
}

//! Handles made from titles the way Medusa makes them: lodash's `kebabCase`.
//!
//! Accents are dropped (`deburr`), apostrophes removed, the text is cut into words at
//! punctuation and spaces, at lower-to-upper case changes (`fooBar`), before the last capital
//! of a capital run followed by lower case (`XMLHttp`), and between letters and digits (`P2`),
//! keeping ordinals whole (`1st`); the words are lower-cased and joined with `-`.

/// `kebabCase(text)` as lodash 4 computes it, e.g. `"Summer Collection 2"` → `summer-collection-2`.
pub fn kebab_case(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}') && !is_combining_mark(*c))
        .flat_map(|c| deburr(c).chars().collect::<Vec<_>>())
        .collect();
    let mut words: Vec<String> = Vec::new();
    for run in plain.split(is_break).filter(|run| !run.is_empty()) {
        split_run(run, &mut words);
    }
    words
        .iter()
        .map(|word| word.to_lowercase())
        .collect::<Vec<_>>()
        .join("-")
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    Lower,
    Digit,
}

fn class_of(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_uppercase() && c.is_ascii() {
        Class::Upper
    } else {
        // Lower-case letters and letters of other scripts, which lodash treats alike.
        Class::Lower
    }
}

fn is_break(c: char) -> bool {
    !(c.is_alphanumeric()) || c == '_'
}

/// Cuts one run of letters and digits into words.
fn split_run(run: &str, words: &mut Vec<String>) {
    let chars: Vec<char> = run.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let class = class_of(chars[i]);
        if class == Class::Digit {
            // Digits end the word before them and form their own, unless an ordinal suffix
            // (st, nd, rd, th) follows and ends the run or meets a capital.
            if start < i {
                words.push(chars[start..i].iter().collect());
            }
            let mut end = i;
            while end < chars.len() && class_of(chars[end]) == Class::Digit {
                end += 1;
            }
            let ordinal_end = ordinal_suffix_end(&chars, end);
            let stop = ordinal_end.unwrap_or(end);
            words.push(chars[i..stop].iter().collect());
            start = stop;
            i = stop;
            continue;
        }
        if i > start {
            let previous = class_of(chars[i - 1]);
            let next = chars.get(i + 1).map(|c| class_of(*c));
            let lower_to_upper = previous == Class::Lower && class == Class::Upper;
            let last_capital_of_run =
                previous == Class::Upper && class == Class::Upper && next == Some(Class::Lower);
            if lower_to_upper || last_capital_of_run {
                words.push(chars[start..i].iter().collect());
                start = i;
            }
        }
        i += 1;
    }
    if start < chars.len() {
        words.push(chars[start..].iter().collect());
    }
}

/// Where an ordinal such as `1st` or `22ND` ends, when the digits ending at `digits_end`
/// start one.
fn ordinal_suffix_end(chars: &[char], digits_end: usize) -> Option<usize> {
    let suffix: String = chars.get(digits_end..digits_end + 2)?.iter().collect();
    let last_digit = chars[digits_end - 1];
    let lower = suffix.to_lowercase();
    let fits = match lower.as_str() {
        "st" => last_digit == '1',
        "nd" => last_digit == '2',
        "rd" => last_digit == '3',
        "th" => !matches!(last_digit, '1' | '2' | '3'),
        _ => false,
    };
    // Both letters share a case, and the word ends there (or a capital starts the next).
    let same_case = suffix.chars().all(|c| c.is_ascii_lowercase())
        || suffix.chars().all(|c| c.is_ascii_uppercase());
    let end = digits_end + 2;
    let boundary = match chars.get(end) {
        None => true,
        Some(c) => c.is_ascii_uppercase() && suffix.chars().all(|c| c.is_ascii_lowercase()),
    };
    (fits && same_case && boundary).then_some(end)
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{fe20}'..='\u{fe2f}' | '\u{20d0}'..='\u{20ff}')
}

/// lodash's `deburr` table: Latin-1 Supplement and Latin Extended-A letters to basic Latin.
fn deburr(c: char) -> String {
    let mapped = match c {
        'À'..='Å' => "A",
        'à'..='å' => "a",
        'Ç' => "C",
        'ç' => "c",
        'Ð' => "D",
        'ð' => "d",
        'È'..='Ë' => "E",
        'è'..='ë' => "e",
        'Ì'..='Ï' => "I",
        'ì'..='ï' => "i",
        'Ñ' => "N",
        'ñ' => "n",
        'Ò'..='Ö' | 'Ø' => "O",
        'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' => "U",
        'ù'..='ü' => "u",
        'Ý' => "Y",
        'ý' | 'ÿ' => "y",
        'Æ' => "Ae",
        'æ' => "ae",
        'Þ' => "Th",
        'þ' => "th",
        'ß' => "ss",
        'Ā' | 'Ă' | 'Ą' => "A",
        'ā' | 'ă' | 'ą' => "a",
        'Ć' | 'Ĉ' | 'Ċ' | 'Č' => "C",
        'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'Ď' | 'Đ' => "D",
        'ď' | 'đ' => "d",
        'Ē' | 'Ĕ' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'Ĝ' | 'Ğ' | 'Ġ' | 'Ģ' => "G",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'Ĥ' | 'Ħ' => "H",
        'ĥ' | 'ħ' => "h",
        'Ĩ' | 'Ī' | 'Ĭ' | 'Į' | 'İ' => "I",
        'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'Ĵ' => "J",
        'ĵ' => "j",
        'Ķ' => "K",
        'ķ' | 'ĸ' => "k",
        'Ĺ' | 'Ļ' | 'Ľ' | 'Ŀ' | 'Ł' => "L",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'Ń' | 'Ņ' | 'Ň' | 'Ŋ' => "N",
        'ń' | 'ņ' | 'ň' | 'ŋ' => "n",
        'Ō' | 'Ŏ' | 'Ő' => "O",
        'ō' | 'ŏ' | 'ő' => "o",
        'Ŕ' | 'Ŗ' | 'Ř' => "R",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'Ś' | 'Ŝ' | 'Ş' | 'Š' => "S",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ſ' => "s",
        'Ţ' | 'Ť' | 'Ŧ' => "T",
        'ţ' | 'ť' | 'ŧ' => "t",
        'Ũ' | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'Ŵ' => "W",
        'ŵ' => "w",
        'Ŷ' | 'Ÿ' => "Y",
        'ŷ' => "y",
        'Ź' | 'Ż' | 'Ž' => "Z",
        'ź' | 'ż' | 'ž' => "z",
        'Ĳ' => "IJ",
        'ĳ' => "ij",
        'Œ' => "Oe",
        'œ' => "oe",
        'ŉ' => "'n",
        other => return other.to_string(),
    };
    mapped.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_lodash_kebab_case() {
        let cases = [
            ("Basics", "basics"),
            ("Summer Collection", "summer-collection"),
            ("P2 Order Probe", "p-2-order-probe"),
            ("fooBar", "foo-bar"),
            ("__FOO_BAR__", "foo-bar"),
            ("XMLHttpRequest", "xml-http-request"),
            ("Crème Brûlée", "creme-brulee"),
            ("Men's T-Shirt", "mens-t-shirt"),
            ("1st Edition", "1st-edition"),
            ("Size 10x", "size-10-x"),
            ("  spaced   out  ", "spaced-out"),
            ("Straße", "strasse"),
            ("HELLO world", "hello-world"),
            ("ABC2nd", "abc-2nd"),
            ("v2Beta", "v-2-beta"),
            ("T-shirt 3XL", "t-shirt-3-xl"),
            ("a1b2c3", "a-1-b-2-c-3"),
            ("Категория Один", "категория-один"),
            ("", ""),
        ];
        for (input, expected) in cases {
            assert_eq!(kebab_case(input), expected, "kebab_case({input:?})");
        }
    }
}

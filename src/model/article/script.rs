//! Superscript and subscript text (`<sup>`, `<sub>`) in the characters a terminal has:
//! `1er` → `1ᵉʳ`, `m2` → `m²`, `CO2` → `CO₂`; what has no such character is marked
//! plainly (`10^(0,25)`, `L_E`), so that nothing reads as ordinary text (`10-3`).

/// `text` raised, or `^x` / `^(…)` when a character has no superscript form.
pub fn superscript(text: &str) -> String {
    convert(text, sup, '^')
}

/// `text` lowered, or `_x` / `_(…)` when a character has no subscript form.
pub fn subscript(text: &str) -> String {
    convert(text, sub, '_')
}

fn convert(text: &str, map: fn(char) -> Option<char>, mark: char) -> String {
    // `- 2` is `-2` set loosely: spaces inside an exponent carry no meaning.
    let mapped: Option<String> = text.chars().filter(|c| *c != ' ').map(map).collect();
    if let Some(mapped) = mapped {
        return mapped;
    }
    if text.chars().count() == 1 {
        format!("{mark}{text}")
    } else {
        format!("{mark}({text})")
    }
}

fn sup(c: char) -> Option<char> {
    Some(match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4'..='9' => char::from_u32(0x2070 + (c as u32 - '0' as u32))?,
        '+' => '⁺',
        '-' | '−' => '⁻',
        '=' => '⁼',
        '(' => '⁽',
        ')' => '⁾',
        'a' => 'ᵃ',
        'b' => 'ᵇ',
        'c' => 'ᶜ',
        'd' => 'ᵈ',
        'e' => 'ᵉ',
        'f' => 'ᶠ',
        'g' => 'ᵍ',
        'h' => 'ʰ',
        'i' => 'ⁱ',
        'j' => 'ʲ',
        'k' => 'ᵏ',
        'l' => 'ˡ',
        'm' => 'ᵐ',
        'n' => 'ⁿ',
        'o' => 'ᵒ',
        'p' => 'ᵖ',
        'r' => 'ʳ',
        's' => 'ˢ',
        't' => 'ᵗ',
        'u' => 'ᵘ',
        'v' => 'ᵛ',
        'w' => 'ʷ',
        'x' => 'ˣ',
        'y' => 'ʸ',
        'z' => 'ᶻ',
        _ => return None,
    })
}

fn sub(c: char) -> Option<char> {
    Some(match c {
        '0'..='9' => char::from_u32(0x2080 + (c as u32 - '0' as u32))?,
        '+' => '₊',
        '-' | '−' => '₋',
        '=' => '₌',
        '(' => '₍',
        ')' => '₎',
        'a' => 'ₐ',
        'e' => 'ₑ',
        'h' => 'ₕ',
        'i' => 'ᵢ',
        'j' => 'ⱼ',
        'k' => 'ₖ',
        'l' => 'ₗ',
        'm' => 'ₘ',
        'n' => 'ₙ',
        'o' => 'ₒ',
        'p' => 'ₚ',
        'r' => 'ᵣ',
        's' => 'ₛ',
        't' => 'ₜ',
        'u' => 'ᵤ',
        'v' => 'ᵥ',
        'x' => 'ₓ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_exponents_and_indices() {
        assert_eq!(superscript("er"), "ᵉʳ");
        assert_eq!(superscript("-3"), "⁻³");
        assert_eq!(superscript("2"), "²");
        assert_eq!(superscript("12"), "¹²");
        assert_eq!(superscript("0,25"), "^(0,25)");
        assert_eq!(superscript("- 2"), "⁻²");
        assert_eq!(subscript("2"), "₂");
        assert_eq!(subscript("min"), "ₘᵢₙ");
        assert_eq!(subscript("E"), "_E");
        assert_eq!(subscript("max"), "ₘₐₓ");
        assert_eq!(subscript("A1"), "_(A1)");
    }
}

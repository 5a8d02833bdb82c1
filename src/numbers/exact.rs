//! Exact values: a phrase's value is built as a fraction of two integers
//! ("12.99" is 1299/100, "0.1 million" is 100000/1, "two thirds of a million"
//! is 2000000/3) and converted to `f64` once, when the interval is made.
//!
//! So a decimal written in the text never drifts ("1.1 million" is 1100000,
//! not 1100000.0000000002): a fraction whose two parts are below 2^53 converts
//! with one IEEE division, which is correctly rounded; a larger one whose
//! denominator divides a power of ten goes through Rust's own (correctly
//! rounded) decimal parser, and any other with one division.

/// `num / den`, `den > 0`, kept in lowest terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Exact {
    num: i128,
    den: i128,
}

const fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    a.abs()
}

impl Exact {
    /// The integer `n`.
    pub(crate) const fn int(n: i128) -> Exact {
        Exact { num: n, den: 1 }
    }

    /// `num / den`, or `None` when `den` is zero.
    pub(crate) fn ratio(num: i128, den: i128) -> Option<Exact> {
        if den == 1 {
            return Some(Exact::int(num));
        }
        if den == 0 {
            return None;
        }
        let (num, den) =
            if den < 0 { (num.checked_neg()?, den.checked_neg()?) } else { (num, den) };
        let g = gcd(num, den).max(1);
        Some(Exact { num: num / g, den: den / g })
    }

    /// `10^e`, for `e` up to 36.
    pub(crate) fn pow10(e: u32) -> Option<Exact> {
        Some(Exact::int(10i128.checked_pow(e)?))
    }

    /// A multiplier written as an `f64` that is an exact integer (a scale
    /// word's 1e6, a lakh's 1e5, a dozen's 12).
    pub(crate) fn from_int_f64(x: f64) -> Option<Exact> {
        if x.fract() != 0.0 || !(1.0..=1e36).contains(&x.abs()) {
            return None;
        }
        // An integral f64 up to 1e36 converts to i128 exactly.
        Some(Exact::int(x as i128))
    }

    /// Digits with at most one decimal point and no other mark ("12.99", "7").
    pub(crate) fn parse_decimal(text: &str) -> Option<Exact> {
        let mut num: i128 = 0;
        let mut den: i128 = 1;
        let mut dot = false;
        let mut any = false;
        for b in text.bytes() {
            match b {
                b'0'..=b'9' => {
                    num = num.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
                    any = true;
                    if dot {
                        den = den.checked_mul(10)?;
                    }
                }
                b'.' if !dot => dot = true,
                _ => return None,
            }
        }
        if !any {
            return None;
        }
        Exact::ratio(num, den)
    }

    pub(crate) fn add(self, o: Exact) -> Option<Exact> {
        if self.den == 1 && o.den == 1 {
            return Some(Exact::int(self.num.checked_add(o.num)?));
        }
        let num = self.num.checked_mul(o.den)?.checked_add(o.num.checked_mul(self.den)?)?;
        Exact::ratio(num, self.den.checked_mul(o.den)?)
    }

    pub(crate) fn mul(self, o: Exact) -> Option<Exact> {
        if self.den == 1 && o.den == 1 {
            return Some(Exact::int(self.num.checked_mul(o.num)?));
        }
        // Cross-reduce first so that 1/3 * 3e6 stays small.
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(o.num / g2)?;
        let den = (self.den / g2).checked_mul(o.den / g1)?;
        Exact::ratio(num, den)
    }

    pub(crate) fn div(self, o: Exact) -> Option<Exact> {
        if o.num == 0 {
            return None;
        }
        self.mul(Exact::ratio(o.den, o.num)?)
    }

    pub(crate) fn neg(self) -> Option<Exact> {
        Some(Exact { num: self.num.checked_neg()?, den: self.den })
    }

    /// Whether the value is a whole number.
    pub(crate) fn is_integer(self) -> bool {
        self.den == 1
    }

    /// The nearest `f64`: one correctly rounded conversion when the
    /// denominator divides a power of ten, one division otherwise.
    pub(crate) fn to_f64(self) -> f64 {
        // Both parts exact in f64: one IEEE division is correctly rounded,
        // the nearest f64 to the fraction (most values: "27", "2.5", "2/3").
        const EXACT: i128 = 1 << 53;
        if self.num.abs() <= EXACT && self.den <= EXACT {
            return self.num as f64 / self.den as f64;
        }
        // den = 2^a 5^b: scale to a power of ten and parse the decimal.
        let (mut d, mut twos, mut fives) = (self.den, 0u32, 0u32);
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        while d % 5 == 0 {
            d /= 5;
            fives += 1;
        }
        if d == 1 {
            let k = twos.max(fives);
            let factor = 2i128
                .checked_pow(k - twos)
                .and_then(|a| 5i128.checked_pow(k - fives).and_then(|b| a.checked_mul(b)));
            if let Some(n) = factor.and_then(|f| self.num.checked_mul(f)) {
                if let Ok(x) = format!("{n}e-{k}").parse::<f64>() {
                    return x;
                }
            }
        }
        self.num as f64 / self.den as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Exact {
        Exact::parse_decimal(s).unwrap_or(Exact::int(-1))
    }

    #[test]
    fn decimals_and_scales_do_not_drift() {
        let million = Exact::pow10(6).unwrap_or(Exact::int(0));
        assert_eq!(dec("0.1").mul(million).map(Exact::to_f64), Some(100_000.0));
        assert_eq!(dec("1.1").mul(million).map(Exact::to_f64), Some(1_100_000.0));
        assert_eq!(dec("12.99").to_f64(), 12.99);
        assert_eq!(dec("0.3").to_f64(), 0.3);
        let third = Exact::ratio(2, 3).and_then(|t| t.mul(million)).map(Exact::to_f64);
        assert_eq!(third, Some(2_000_000.0 / 3.0));
        assert_eq!(Exact::ratio(3, 4).map(Exact::to_f64), Some(0.75));
        assert_eq!(Exact::parse_decimal("1.2.3"), None);
        assert_eq!(Exact::from_int_f64(1e7), Some(Exact::int(10_000_000)));
        assert_eq!(Exact::from_int_f64(0.5), None);
    }
}

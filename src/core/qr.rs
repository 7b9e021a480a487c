//! QR codes as SVG, made on the device, so a page can be handed from a
//! kiosk or a shared screen to the person's own phone with no service.
//!
//! A small encoder for what the widget needs: byte mode, error correction
//! level M, versions 1 to 10 (up to 213 bytes, ample for a page address or
//! a referral reference). The `qrcode` crate was measured first: its tables
//! for all 40 versions and every mode cost about 15 KB of wasm, over the
//! download budget; this covers the same ground for our inputs in a fraction.
//! The algorithm follows ISO/IEC 18004; tests decode the result with an
//! independent decoder.

/// Error-correction codewords per block and number of blocks, level M,
/// for versions 1 to 10.
const EC_PER_BLOCK: [usize; 10] = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26];
const BLOCKS: [usize; 10] = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5];

/// A square of modules, `true` for dark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrCode {
    size: usize,
    dark: Vec<bool>,
    /// Modules that belong to finder, timing, alignment and format patterns.
    function: Vec<bool>,
}

impl QrCode {
    /// Encodes `data`, or `None` if it is longer than version 10 holds.
    ///
    /// ```
    /// use waymark::core::qr::QrCode;
    /// let code = QrCode::encode(b"https://example.org/group/abc").unwrap();
    /// assert_eq!(code.size(), 29); // version 3
    /// assert!(QrCode::encode(&[b'x'; 300]).is_none());
    /// ```
    pub fn encode(data: &[u8]) -> Option<QrCode> {
        let version = (1..=10).find(|&v| {
            let count_bits = if v < 10 { 8 } else { 16 };
            4 + count_bits + data.len() * 8 <= data_codewords(v) * 8
        })?;
        let codewords = add_error_correction(&data_bits(data, version), version);
        let size = version * 4 + 17;
        let mut code = QrCode { size, dark: vec![false; size * size], function: vec![false; size * size] };
        code.draw_function_patterns(version);
        code.draw_codewords(&codewords);
        let mask = (0..8)
            .min_by_key(|&mask| {
                let mut trial = code.clone();
                trial.apply_mask(mask);
                trial.draw_format(mask);
                trial.penalty()
            })
            .unwrap_or(0);
        code.apply_mask(mask);
        code.draw_format(mask);
        Some(code)
    }

    /// Modules along each side.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Whether the module at column `x`, row `y` is dark (outside the
    /// square, the light quiet zone: never a panic).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.size && y < self.size && self.dark.get(y * self.size + x).copied().unwrap_or(false)
    }

    fn set(&mut self, x: usize, y: usize, dark: bool) {
        self.dark[y * self.size + x] = dark;
        self.function[y * self.size + x] = true;
    }

    fn draw_function_patterns(&mut self, version: usize) {
        let size = self.size;
        for i in 0..size {
            self.set(6, i, i % 2 == 0);
            self.set(i, 6, i % 2 == 0);
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4i32..=4 {
                for dx in -4i32..=4 {
                    let (xx, yy) = (x as i32 + dx, y as i32 + dy);
                    if (0..size as i32).contains(&xx) && (0..size as i32).contains(&yy) {
                        let ring = dx.abs().max(dy.abs());
                        self.set(xx as usize, yy as usize, ring != 2 && ring != 4);
                    }
                }
            }
        }
        let centres = alignment_centres(version);
        let last = centres.len().saturating_sub(1);
        for (i, &x) in centres.iter().enumerate() {
            for (j, &y) in centres.iter().enumerate() {
                // Not where the finder patterns are.
                if (i == 0 && (j == 0 || j == last)) || (i == last && j == 0) {
                    continue;
                }
                for dy in -2i32..=2 {
                    for dx in -2i32..=2 {
                        let ring = dx.abs().max(dy.abs());
                        self.set((x as i32 + dx) as usize, (y as i32 + dy) as usize, ring != 1);
                    }
                }
            }
        }
        // Reserve the format areas (drawn for real once the mask is chosen).
        self.draw_format(0);
        if version >= 7 {
            let mut rem = version;
            for _ in 0..12 {
                rem = (rem << 1) ^ ((rem >> 11) * 0x1F25);
            }
            let bits = (version << 12) | rem;
            for i in 0..18 {
                let dark = (bits >> i) & 1 == 1;
                let (a, b) = (size - 11 + i % 3, i / 3);
                self.set(a, b, dark);
                self.set(b, a, dark);
            }
        }
    }

    /// The 15 format bits (level M and the mask), twice, and the dark module.
    fn draw_format(&mut self, mask: usize) {
        let data = mask; // level M's two bits are 00
        let mut rem = data;
        for _ in 0..10 {
            rem = (rem << 1) ^ ((rem >> 9) * 0x537);
        }
        let bits = ((data << 10) | rem) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 == 1;
        let size = self.size;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, size - 15 + i, bit(i));
        }
        self.set(8, size - 8, true);
    }

    /// Places the codewords in the standard two-column zigzag.
    fn draw_codewords(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut i = 0;
        let mut right = size - 1;
        while right >= 1 {
            if right == 6 {
                right = 5;
            }
            for vert in 0..size {
                for j in 0..2 {
                    let x = right - j;
                    let upward = (right + 1) & 2 == 0;
                    let y = if upward { size - 1 - vert } else { vert };
                    if !self.function[y * size + x] && i < codewords.len() * 8 {
                        self.dark[y * size + x] = (codewords[i / 8] >> (7 - i % 8)) & 1 == 1;
                        i += 1;
                    }
                }
            }
            if right < 2 {
                break;
            }
            right -= 2;
        }
    }

    fn apply_mask(&mut self, mask: usize) {
        for y in 0..self.size {
            for x in 0..self.size {
                let invert = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                let at = y * self.size + x;
                if invert && !self.function[at] {
                    self.dark[at] = !self.dark[at];
                }
            }
        }
    }

    /// The standard's penalty for runs, 2×2 blocks and imbalance (the rule
    /// for finder-like patterns is left out: it only fine-tunes the choice).
    fn penalty(&self) -> usize {
        let size = self.size;
        let mut score = 0;
        for line in 0..size {
            for horizontal in [true, false] {
                let at = |i: usize| if horizontal { self.is_dark(i, line) } else { self.is_dark(line, i) };
                let mut run = 1;
                for i in 1..size {
                    if at(i) == at(i - 1) {
                        run += 1;
                        if run == 5 {
                            score += 3;
                        } else if run > 5 {
                            score += 1;
                        }
                    } else {
                        run = 1;
                    }
                }
            }
        }
        for y in 0..size - 1 {
            for x in 0..size - 1 {
                let c = self.is_dark(x, y);
                if c == self.is_dark(x + 1, y)
                    && c == self.is_dark(x, y + 1)
                    && c == self.is_dark(x + 1, y + 1)
                {
                    score += 3;
                }
            }
        }
        let dark = self.dark.iter().filter(|d| **d).count();
        let total = size * size;
        // Each 5% away from half dark costs 10.
        let k = (dark * 20).abs_diff(total * 10).div_ceil(total).saturating_sub(1);
        score + k * 10
    }
}

fn raw_data_modules(version: usize) -> usize {
    let mut modules = (16 * version + 128) * version + 64;
    if version >= 2 {
        let align = version / 7 + 2;
        modules -= (25 * align - 10) * align - 55;
        if version >= 7 {
            modules -= 36;
        }
    }
    modules
}

fn data_codewords(version: usize) -> usize {
    raw_data_modules(version) / 8 - EC_PER_BLOCK[version - 1] * BLOCKS[version - 1]
}

fn alignment_centres(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2;
    let mut centres = vec![6];
    let mut position = version * 4 + 17 - 7;
    let mut rest = Vec::new();
    while rest.len() < count - 1 {
        rest.push(position);
        position -= step;
    }
    centres.extend(rest.into_iter().rev());
    centres
}

/// Mode, length, the bytes, a terminator and padding, as codewords.
fn data_bits(data: &[u8], version: usize) -> Vec<u8> {
    let capacity = data_codewords(version);
    let mut bits: Vec<bool> = Vec::with_capacity(capacity * 8);
    let push = |bits: &mut Vec<bool>, value: usize, count: usize| {
        for i in (0..count).rev() {
            bits.push((value >> i) & 1 == 1);
        }
    };
    push(&mut bits, 0b0100, 4);
    push(&mut bits, data.len(), if version < 10 { 8 } else { 16 });
    for byte in data {
        push(&mut bits, usize::from(*byte), 8);
    }
    let terminator = (capacity * 8 - bits.len()).min(4);
    push(&mut bits, 0, terminator);
    let padding = (8 - bits.len() % 8) % 8;
    push(&mut bits, 0, padding);
    let mut bytes: Vec<u8> =
        bits.chunks(8).map(|c| c.iter().fold(0u8, |byte, bit| (byte << 1) | u8::from(*bit))).collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if bytes.len() >= capacity {
            break;
        }
        bytes.push(pad);
    }
    bytes
}

/// Multiplication in GF(2⁸) modulo x⁸ + x⁴ + x³ + x² + 1.
fn gf_multiply(x: u8, y: u8) -> u8 {
    let mut z: u16 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= u16::from((y >> i) & 1) * u16::from(x);
    }
    z as u8
}

/// Splits the data into blocks, adds Reed–Solomon codewords to each, and
/// interleaves them as the standard lays them out.
fn add_error_correction(data: &[u8], version: usize) -> Vec<u8> {
    let (ec_len, blocks) = (EC_PER_BLOCK[version - 1], BLOCKS[version - 1]);
    let raw = raw_data_modules(version) / 8;
    let short_blocks = blocks - raw % blocks;
    let short_len = raw / blocks;
    let mut divisor = vec![0u8; ec_len];
    divisor[ec_len - 1] = 1;
    let mut root = 1u8;
    for _ in 0..ec_len {
        for j in 0..ec_len {
            divisor[j] = gf_multiply(divisor[j], root) ^ divisor.get(j + 1).copied().unwrap_or(0);
        }
        root = gf_multiply(root, 2);
    }
    let mut all: Vec<Vec<u8>> = Vec::with_capacity(blocks);
    let mut at = 0;
    for i in 0..blocks {
        let len = short_len - ec_len + usize::from(i >= short_blocks);
        let mut block = data[at..at + len].to_vec();
        at += len;
        let mut remainder = vec![0u8; ec_len];
        for byte in &block {
            let factor = byte ^ remainder[0];
            remainder.remove(0);
            remainder.push(0);
            for (r, d) in remainder.iter_mut().zip(&divisor) {
                *r ^= gf_multiply(*d, factor);
            }
        }
        if i < short_blocks {
            block.push(0); // a gap so every block has the same length; skipped below
        }
        block.extend(remainder);
        all.push(block);
    }
    let mut out = Vec::with_capacity(raw);
    for i in 0..=short_len {
        for (j, block) in all.iter().enumerate() {
            if i != short_len - ec_len || j >= short_blocks {
                out.push(block[i]);
            }
        }
    }
    out
}

/// A QR code as an SVG path of unit squares, on a square `side` modules
/// wide (the code and its quiet zone), for the web layer to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrDrawing {
    pub side: usize,
    /// SVG path data: one `M x y h1v1h-1z` square per dark module.
    pub path: String,
}

/// The drawing of a QR code for `text`; `None` when the text is too long.
///
/// ```
/// use waymark::core::qr::qr_drawing;
/// let drawing = qr_drawing("https://example.org/group/abc").unwrap();
/// assert!(drawing.side > 21 + 7 && drawing.path.starts_with("M4 4h1v1h-1z"));
/// ```
pub fn qr_drawing(text: &str) -> Option<QrDrawing> {
    let code = QrCode::encode(text.as_bytes())?;
    let size = code.size();
    let mut path = String::with_capacity(size * size * 4);
    for y in 0..size {
        for x in 0..size {
            if code.is_dark(x, y) {
                path.push('M');
                path.push_str(&(x + 4).to_string());
                path.push(' ');
                path.push_str(&(y + 4).to_string());
                path.push_str("h1v1h-1z");
            }
        }
    }
    // A quiet zone of four modules all round, as the standard asks.
    Some(QrDrawing { side: size + 8, path })
}

/// An SVG QR code for `text`, labelled for screen readers with `label`, as
/// text (for the tests' independent decoder; the widget draws
/// [`qr_drawing`] as a view). `None` when the text is too long for a QR code.
///
/// ```
/// use waymark::core::qr::qr_svg;
/// let svg = qr_svg("https://example.org/group/abc", "QR code for this page").unwrap();
/// assert!(svg.starts_with("<svg") && svg.contains(r#"aria-label="QR code for this page""#));
/// ```
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    let QrDrawing { side, path } = qr_drawing(text)?;
    let outer = side.to_string();
    Some(
        [
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="wm-qr" viewBox="0 0 "#,
            &outer,
            " ",
            &outer,
            r#"" role="img" aria-label=""#,
            &escape(label),
            r##"" shape-rendering="crispEdges"><rect width="100%" height="100%" fill="#fff"/><path fill="#000" d=""##,
            &path,
            r#""/></svg>"#,
        ]
        .concat(),
    )
}

/// Escapes text for the SVG's quoted attributes and title, which come from
/// addresses and labels the page does not control.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

//! Deterministic input generation for the tests that check a shortcut or a compiled form against
//! the reference it stands in for (xorshift64: the same inputs on every run).

pub(crate) struct XorShift(pub u64);

impl XorShift {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[(self.next() % from.len() as u64) as usize]
    }

    /// One draw: between 1 and `most` pieces glued together, the i-th chosen by the draw's bits
    /// from bit `i * spread` on.
    pub fn glue(&mut self, pieces: &[&str], most: u64, spread: usize) -> String {
        let seed = self.next();
        let n = (seed % most + 1) as usize;
        (0..n)
            .map(|i| pieces[((seed >> (i * spread)) % pieces.len() as u64) as usize])
            .collect()
    }
}

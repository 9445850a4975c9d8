//! The house's rules read from the source, and properties over generated input.

mod architecture;
mod properties;
mod words;

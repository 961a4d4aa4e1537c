//! Return reasons (and, later, returns, claims and swaps).

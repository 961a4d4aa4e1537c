//! Integration tests of `medusa-pricing` (one binary, as the house does).

mod selection;

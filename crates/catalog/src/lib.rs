//! How products are organized: collections and product categories.

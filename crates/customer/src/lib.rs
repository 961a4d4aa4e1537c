//! Customers, their addresses, and customer groups.

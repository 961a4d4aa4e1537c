//! HTTP-level tests of the admin API, each run on SQLite and on PostgreSQL.
//!
//! Answers are compared with the reference Medusa 1.20.10 server's recorded answers
//! (`tests/reference/`, captured by `capture.sh`) where the data is the same, and recorded as
//! insta snapshots with ids and timestamps redacted.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod api_keys;
mod auth;
mod batch_job_writes;
mod batch_jobs;
mod claims;
mod clients;
mod collections;
mod currencies;
mod customer_groups;
mod customers;
mod discounts;
mod draft_orders;
mod embedding;
mod errors;
mod inventory;
mod inventory_medusa_items;
mod inventory_medusa_orders;
mod inventory_medusa_reservations;
mod invites;
mod notes;
mod notifications;
mod order_edits;
mod order_fulfillment;
mod order_lifecycle;
mod orders;
mod payment_collections;
mod price_lists;
mod product_categories;
mod product_csv_round_trip;
mod product_tags;
mod product_types;
mod product_writes;
mod products;
mod publishable_api_keys;
mod query_grammar;
mod regions;
mod return_reasons;
mod returns;
mod routes;
mod sales_channels;
mod seed;
mod shipping_options;
mod shipping_profiles;
mod store;
mod swaps;
mod tax_rates;
mod uploads;
mod users;
mod variants;

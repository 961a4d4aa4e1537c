//! Customers, their addresses, and customer groups.
//!
//! `medusa-customer` owns the admin side of customers (list with search and group filter,
//! retrieve with their orders and addresses, create with a hashed password, update including
//! group membership replacement) and customer groups (CRUD and batch membership changes).
//! It knows no HTTP: the admin-http app maps requests onto these services. Each service is a
//! dyn-safe trait with one `Sea...` implementation over a `sea_orm::DatabaseConnection`, and
//! every write records Medusa's domain event in its own transaction.

// Tests may unwrap: a panic there is the failure report.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod customers;
pub mod events;
pub mod groups;
pub mod input;

pub use customers::{
    plan_customer_list, retrieve_relations, CustomerFilter, CustomerRelations, CustomerService,
    CustomerView, SeaCustomerService, CUSTOMER_LIST, CUSTOMER_RETRIEVE,
};
pub use groups::{
    CustomerGroupService, CustomerGroupView, SeaCustomerGroupService, CUSTOMER_GROUP_LIST,
    CUSTOMER_GROUP_RETRIEVE,
};
pub use input::{
    CreateCustomer, CreateCustomerGroup, CustomerIds, UpdateCustomer, UpdateCustomerGroup,
};

//! Shared order plans: the plan of a query string seen before is the one made then, and a
//! query string that fails to plan fails each time.

use std::sync::Arc;

use medusa_order::{plan_order_retrieve, plan_order_retrieve_shared};

#[test]
fn a_shared_plan_is_the_plan_made_for_its_query_string() {
    for (query, sales_channels) in [
        ("", false),
        ("", true),
        ("expand=items,region&fields=id,total", true),
    ] {
        let first = plan_order_retrieve_shared(query, sales_channels).unwrap();
        let again = plan_order_retrieve_shared(query, sales_channels).unwrap();
        assert!(Arc::ptr_eq(&first, &again), "{query}: planned again");
        let fresh = plan_order_retrieve(query, sales_channels).unwrap();
        assert_eq!(*first, fresh, "{query}");
    }
    let without = plan_order_retrieve_shared("", false).unwrap();
    let with = plan_order_retrieve_shared("", true).unwrap();
    assert_ne!(without, with);
}

#[test]
fn a_query_string_that_fails_to_plan_fails_each_time() {
    for _ in 0..2 {
        let refused = plan_order_retrieve_shared("expand=no_such_relation", false);
        assert!(refused.is_err());
    }
}

use super::*;

#[test]
fn the_latest_step_gives_the_status() {
    let cases = [
        ((false, false, false, false), Status::Created),
        ((true, false, false, false), Status::Requested),
        ((true, true, false, false), Status::Declined),
        ((true, false, true, false), Status::Confirmed),
        ((true, false, true, true), Status::Canceled),
        ((false, false, false, true), Status::Canceled),
    ];
    for ((requested, declined, confirmed, canceled), status) in cases {
        assert_eq!(
            Status::from_steps(requested, declined, confirmed, canceled),
            status
        );
    }
}

#[test]
fn each_step_refuses_what_medusa_refuses() {
    use Status::*;
    let table: [(Status, bool, &str, &str); 5] = [
        (Created, true, "take", "take"),
        (Requested, true, "take", "take"),
        (
            Declined,
            false,
            "Cannot cancel order edit with status declined",
            "Cannot confirm an order edit with status declined",
        ),
        (
            Confirmed,
            false,
            "Cannot cancel order edit with status confirmed",
            "already",
        ),
        (
            Canceled,
            false,
            "already",
            "Cannot confirm an order edit with status canceled",
        ),
    ];
    let shown = |step: Result<Step>| match step {
        Ok(Step::Take) => "take".to_owned(),
        Ok(Step::AlreadyTaken) => "already".to_owned(),
        Err(err) => err.to_string(),
    };
    for (status, active, cancel_answer, confirm_answer) in table {
        assert_eq!(status.is_active(), active, "{status:?}");
        assert_eq!(may_add_item(status).is_ok(), active);
        assert_eq!(may_change_item(status, "oe_1").is_ok(), active);
        assert_eq!(may_delete(status).is_ok(), status == Created);
        assert!(shown(cancel(status)).contains(cancel_answer), "{status:?}");
        assert!(
            shown(confirm(status)).contains(confirm_answer),
            "{status:?}"
        );
    }
    assert_eq!(
        may_change_item(Confirmed, "oe_1").unwrap_err().to_string(),
        "Can not update an item on the order edit oe_1 with the status confirmed"
    );
    assert_eq!(
        may_add_item(Canceled).unwrap_err().to_string(),
        "Can not add an item to the edit with status canceled"
    );
}

#[test]
fn a_request_needs_changes_and_happens_once() {
    assert!(request(0, false).is_err());
    assert!(request(0, true).is_err());
    assert_eq!(request(2, false).unwrap(), Step::Take);
    assert_eq!(request(1, true).unwrap(), Step::AlreadyTaken);
}

#[test]
fn the_difference_due_asks_for_a_collection_only_when_positive() {
    for (edit, order, due, collect) in [
        (12000.0, 10000.0, 2000.0, true),
        (10000.0, 10000.0, 0.0, false),
        (8000.0, 10000.0, -2000.0, false),
        (1000.5, 1000.0, 0.5, true),
    ] {
        assert_eq!(difference_due(edit, order), due);
        assert_eq!(needs_payment_collection(due), collect);
    }
}

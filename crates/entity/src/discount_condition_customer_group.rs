//! The `discount_condition_customer_group` table.

link_table!("discount_condition_customer_group": customer_group_id, condition_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);

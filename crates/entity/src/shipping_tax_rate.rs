//! The `shipping_tax_rate` table.

link_table!("shipping_tax_rate": shipping_option_id, rate_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);

//! The `product_type_tax_rate` table.

link_table!("product_type_tax_rate": product_type_id, rate_id;
    timestamps!(created_at, updated_at),
    pub metadata: Option<Json>,
);

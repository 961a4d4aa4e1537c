//! The grammar as a table: every construct of the v1 and v2 API introductions, encoded and
//! not, plus Medusa's quirks and the errors. One `check` helper, many rows.

use crate::specs::{CURRENCIES, ORDERS, PRODUCTS, USERS};
use crate::{list, list_on, list_selection, retrieve_selection};
use medusa_query_dsl::ResourceSpec;
use sea_orm::DbBackend;

/// Runs every row and reports all mismatches at once, with the actual text to compare.
fn check(render: impl Fn(&str) -> String, rows: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (query, expected) in rows {
        let actual = render(query);
        if actual != *expected {
            failures.push(format!(
                "query:    {query}\nexpected: {expected}\nactual:   {actual}\n"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows differ:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

fn on(spec: &'static ResourceSpec) -> impl Fn(&str) -> String {
    move |q| list(spec, q)
}

const USERS_DEFAULT: &str = r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#;

#[test]
fn pagination_and_order() {
    check(
        on(&USERS),
        &[
            ("", USERS_DEFAULT),
            (
                "limit=5",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 5 | echo 5"#,
            ),
            (
                "limit=5&offset=0",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 5 | echo 5"#,
            ),
            (
                "offset=1",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 OFFSET 1 | echo 50"#,
            ),
            (
                "limit=5&offset=10",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 5 OFFSET 10 | echo 5"#,
            ),
            (
                "limit=0",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC | echo 0"#,
            ),
            (
                "limit=%201",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 1 | echo 1"#,
            ),
            (
                "limit=",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            ("limit=-1", "error: limit must not be less than 0"),
            ("limit=1.5", "error: limit must be an integer number"),
            (
                "limit=abc",
                "error: limit must be a number conforming to the specified constraints",
            ),
            (
                "limit[]=1",
                "error: limit must be a number conforming to the specified constraints",
            ),
            (
                "limit=1&limit=2",
                "error: limit must be a number conforming to the specified constraints",
            ),
            (
                "offset=abc",
                "error: offset must be a number conforming to the specified constraints",
            ),
            (
                "order=created_at",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" ASC, "user"."id" ASC LIMIT 50 | echo 50"#,
            ),
            (
                "order=-created_at",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "order=email",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."email" ASC, "user"."id" ASC LIMIT 50 | echo 50"#,
            ),
            (
                "order=-email,first_name",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."email" DESC, "user"."first_name" ASC, "user"."id" ASC LIMIT 50 | echo 50"#,
            ),
            (
                "order=id",
                r#"WHERE "user"."deleted_at" IS NULL ORDER BY "user"."id" ASC LIMIT 50 | echo 50"#,
            ),
            ("order=", USERS_DEFAULT),
            ("order=unknown", "error: Order field unknown is not valid"),
            (
                "order=-password_hash",
                "error: Order field password_hash is not valid",
            ),
            ("order[]=email", "error: order must be a string"),
        ],
    );
    check(
        on(&PRODUCTS),
        &[
            (
                "limit=1000",
                r#"WHERE "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 1000 | echo 1000"#,
            ),
            ("limit=1001", "error: limit must not be greater than 1000"),
            (
                "limit=0",
                r#"WHERE "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 1000 | echo 0"#,
            ),
        ],
    );
    check(
        on(&CURRENCIES),
        &[
            ("", "LIMIT 20 | echo 20"),
            (
                "order=-code",
                r#"ORDER BY "currency"."code" DESC LIMIT 20 | echo 20"#,
            ),
            ("limit=5&offset=5", "LIMIT 5 OFFSET 5 | echo 5"),
        ],
    );
}

#[test]
fn filters_v1() {
    check(
        on(&PRODUCTS),
        &[
            // The v1 introduction's examples.
            (
                "title=Shirt",
                r#"WHERE "product"."title" = 'Shirt' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "title=Blue%20Shirt",
                r#"WHERE "product"."title" = 'Blue Shirt' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "title=Blue+Shirt",
                r#"WHERE "product"."title" = 'Blue Shirt' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "is_giftcard=true",
                r#"WHERE "product"."is_giftcard" = TRUE AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "is_giftcard=false",
                r#"WHERE "product"."is_giftcard" = FALSE AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[lt]=2023-02-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at%5Blt%5D=2023-02-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[lt]=2023-02-17T07:22:30Z",
                r#"WHERE "product"."created_at" < '2023-02-17 07:22:30.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[lt]=2023-02-17&created_at[gt]=2022-09-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."created_at" > '2022-09-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[]=prod_1&id[]=prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id%5B%5D=prod_1&id%5B%5D=prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[0]=prod_1&id[1]=prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[1]=prod_2&id[0]=prod_1",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id=prod_1&id=prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id=prod_1",
                r#"WHERE "product"."id" = 'prod_1' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id=prod_1,prod_2",
                r#"WHERE "product"."id" = 'prod_1,prod_2' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            // Typed values.
            (
                "weight=10",
                r#"WHERE "product"."weight" = 10 AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "weight[gte]=10&weight[lte]=20",
                r#"WHERE "product"."weight" >= 10 AND "product"."weight" <= 20 AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "status[]=draft&status[]=published",
                r#"WHERE "product"."status" IN (CAST('draft' AS "product_status_enum"), CAST('published' AS "product_status_enum")) AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "status=published",
                r#"WHERE "product"."status" = (CAST('published' AS "product_status_enum")) AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                // Epoch seconds, as Medusa reads a number that is not a date string.
                "created_at[gt]=1700000000",
                r#"WHERE "product"."created_at" > '2023-11-14 22:13:20.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "deleted_at[gt]=01-26-1990",
                r#"WHERE "product"."deleted_at" > '1990-01-26 00:00:00.000000 +00:00' ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50 | with_deleted"#,
            ),
            (
                "created_at[gte]=2024-01-01T10:00:00%2B02:00",
                r#"WHERE "product"."created_at" >= '2024-01-01 08:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "deleted_at[gt]=2020-01-01",
                r#"WHERE "product"."deleted_at" > '2020-01-01 00:00:00.000000 +00:00' ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50 | with_deleted"#,
            ),
            (
                "sales_channel_id[]=sc_1",
                r#"WHERE "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
        ],
    );
}

#[test]
fn filters_v2() {
    check(
        on(&PRODUCTS),
        &[
            // The v2 introduction's examples.
            (
                "created_at[$lt]=2023-02-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at%5B%24lt%5D=2023-02-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[$lt]=2023-02-17T07:22:30Z",
                r#"WHERE "product"."created_at" < '2023-02-17 07:22:30.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[$lt]=2023-02-17&created_at[$gt]=2022-09-17",
                r#"WHERE "product"."created_at" < '2023-02-17 00:00:00.000000 +00:00' AND "product"."created_at" > '2022-09-17 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[]=prod_1,prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id%5B%5D=prod_1%2Cprod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            // The other operators.
            (
                "id[$eq]=prod_1",
                r#"WHERE "product"."id" = 'prod_1' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[$ne]=prod_1",
                r#"WHERE "product"."id" <> 'prod_1' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[$in]=prod_1,prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[$in][]=prod_1&id[$in][]=prod_2",
                r#"WHERE "product"."id" IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "id[$nin][0]=prod_1&id[$nin][1]=prod_2",
                r#"WHERE "product"."id" NOT IN ('prod_1', 'prod_2') AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "weight[$gt]=1&weight[lte]=5",
                r#"WHERE "product"."weight" > 1 AND "product"."weight" <= 5 AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "status[$in]=draft,published",
                r#"WHERE "product"."status" IN (CAST('draft' AS "product_status_enum"), CAST('published' AS "product_status_enum")) AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "status[$nin][]=rejected",
                r#"WHERE "product"."status" NOT IN (CAST('rejected' AS "product_status_enum")) AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "created_at[$gte]=2024-01-01&created_at[$lte]=2024-12-31",
                r#"WHERE "product"."created_at" >= '2024-01-01 00:00:00.000000 +00:00' AND "product"."created_at" <= '2024-12-31 00:00:00.000000 +00:00' AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
            ),
        ],
    );
    check(
        on(&USERS),
        &[
            (
                "first_name[$ilike]=j%25",
                r#"WHERE ("user"."first_name" ILIKE 'j%') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "first_name[$like]=J%25",
                r#"WHERE "user"."first_name" LIKE 'J%' AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "first_name[contains]=o_n",
                r#"WHERE ("user"."first_name" ILIKE E'%o\\_n%') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "first_name[starts_with]=Jo",
                r#"WHERE ("user"."first_name" ILIKE 'Jo%') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "first_name[ends_with]=100%25",
                r#"WHERE ("user"."first_name" ILIKE E'%100\\%') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "role=admin",
                r#"WHERE "user"."role" = (CAST('admin' AS "user_role_enum")) AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "role[]=admin,member",
                r#"WHERE "user"."role" IN (CAST('admin' AS "user_role_enum"), CAST('member' AS "user_role_enum")) AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "deleted_at[$gt]=2020-01-01",
                r#"WHERE "user"."deleted_at" > '2020-01-01 00:00:00.000000 +00:00' ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50 | with_deleted"#,
            ),
        ],
    );
}

#[test]
fn filter_errors() {
    check(
        on(&USERS),
        &[
            ("foo=1", "error: property foo should not exist"),
            ("foo[bar]=1", "error: property foo should not exist"),
            ("foo=1&bar=2", "error: property foo should not exist, property bar should not exist"),
            ("email[]=a@b.c", "error: email must be a string"),
            ("email[lt]=a", "error: property email[lt] should not exist"),
            ("created_at=2024-01-01", "error: nested property created_at must be either object or array"),
            ("created_at[]=2024-01-01", "error: nested property created_at must be either object or array"),
            ("created_at[foo]=2024-01-01", "error: property created_at[foo] should not exist"),
            ("created_at[lt]=abc", "error: created_at[lt] must be a Date instance"),
            ("created_at[lt][x]=1", "error: created_at[lt] must be a string"),
            ("created_at[$in]=2024-01-01", "error: property created_at[$in] should not exist"),
            ("role=bogus", "error: role must be one of the following values: member, admin, developer"),
            ("role[]=admin&role[]=bogus", "error: each value in role must be one of the following values: member, admin, developer"),
            ("role[$like]=adm%25", "error: property role[$like] should not exist"),
            ("email[$ilike]=x", "error: property email[$ilike] should not exist"),
            ("id[$in][x]=1", "error: id[$in] must be a string"),
            ("email=x&email[lt]=y", "error: property email[] should not exist, property email[lt] should not exist"),
            ("q[]=a", "error: q must be a string"),
            ("limit=x&foo=1", "error: limit must be a number conforming to the specified constraints, property foo should not exist"),
        ],
    );
    check(
        on(&PRODUCTS),
        &[
            (
                "is_giftcard=yes",
                "error: is_giftcard must be a boolean value",
            ),
            (
                "weight=ten",
                "error: weight must be a number conforming to the specified constraints",
            ),
            (
                "weight[gt]=1.5",
                "error: weight[gt] must be a number conforming to the specified constraints",
            ),
        ],
    );
    check(
        on(&CURRENCIES),
        &[
            ("fields=name", "error: property fields should not exist"),
            ("expand=x", "error: property expand should not exist"),
            (
                "created_at[lt]=2024-01-01",
                "error: property created_at should not exist",
            ),
        ],
    );
}

#[test]
fn search() {
    check(
        on(&USERS),
        &[
            (
                "q=ADMIN",
                r#"WHERE (("user"."email" ILIKE '%ADMIN%') OR ("user"."first_name" ILIKE '%ADMIN%') OR ("user"."last_name" ILIKE '%ADMIN%')) AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            ("q=", USERS_DEFAULT),
            (
                "q=50%25_off",
                r#"WHERE (("user"."email" ILIKE E'%50\\%\\_off%') OR ("user"."first_name" ILIKE E'%50\\%\\_off%') OR ("user"."last_name" ILIKE E'%50\\%\\_off%')) AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "q=a+b",
                r#"WHERE (("user"."email" ILIKE '%a b%') OR ("user"."first_name" ILIKE '%a b%') OR ("user"."last_name" ILIKE '%a b%')) AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
        ],
    );
    check(
        on(&PRODUCTS),
        &[(
            "q=shirt&title=Shirt&handle=shirt",
            r#"WHERE "product"."handle" = 'shirt' AND (("product"."title" ILIKE '%shirt%') OR ("product"."description" ILIKE '%shirt%') OR ("product_variant"."sku" ILIKE '%shirt%')) AND "product"."deleted_at" IS NULL ORDER BY "product"."created_at" DESC, "product"."id" DESC LIMIT 50 | echo 50"#,
        )],
    );
    check(
        on(&ORDERS),
        &[
            (
                "q=12",
                r#"WHERE ("order"."email" ILIKE '%12%') OR (CAST("order"."display_id" AS text) ILIKE '%12%') OR ("shipping_address"."first_name" ILIKE '%12%') ORDER BY "order"."created_at" DESC, "order"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "display_id[gt]=10&display_id[]=1,2",
                "error: property display_id[] should not exist",
            ),
        ],
    );
    check(
        |q| list_on(&USERS, q, DbBackend::Sqlite),
        &[
            (
                "q=ADMIN",
                r#"WHERE ("user"."email" LIKE '%ADMIN%' ESCAPE '\' OR "user"."first_name" LIKE '%ADMIN%' ESCAPE '\' OR "user"."last_name" LIKE '%ADMIN%' ESCAPE '\') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "first_name[$ilike]=j%25",
                r#"WHERE "user"."first_name" LIKE 'j%' AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
            (
                "role=admin",
                r#"WHERE "user"."role" = ('admin') AND "user"."deleted_at" IS NULL ORDER BY "user"."created_at" DESC, "user"."id" DESC LIMIT 50 | echo 50"#,
            ),
        ],
    );
}

#[test]
fn fields_and_expand_v1() {
    check(
        |q| list_selection(&PRODUCTS, q),
        &[
            ("", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            // The v1 introduction's examples.
            ("expand=collection", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | collection{*}"),
            ("expand=variants,collection", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*} collection{*}"),
            ("expand=variants.options", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(options{*})"),
            ("expand", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | "),
            ("expand=", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | "),
            ("fields=title", "title,id,created_at | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=title,tags", "title,id,created_at | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=title,tags&expand=collection", "title,id,created_at | collection{*}"),
            ("fields=%2Btitle,%2Btags", "error: Requested fields [tags] are not valid"),
            ("fields=title&expand", "title,id,created_at | "),
            ("fields=title,handle", "title,handle,id,created_at | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields", "id,created_at | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields&expand", "id,created_at | "),
            // Medusa 1.20's mixed lists: any unprefixed entry replaces, prefixes are dropped.
            ("fields=title,-handle", "title,handle,id,created_at | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=title,variants.sku&expand=", "title,id,created_at | "),
            ("expand[]=collection&expand[]=tags", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | collection{*} tags{*}"),
            ("expand=variants.prices", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*})"),
            ("expand=nope,variants.nope", "error: Requested fields [nope, variants.nope] are not valid"),
            ("fields=nope", "error: Requested fields [nope] are not valid"),
            ("fields[x]=title", "error: fields must be a string"),
        ],
    );
    check(
        |q| list_selection(&USERS, q),
        &[("fields=email", "email,id,created_at | "), ("fields=", "id,created_at | "), ("fields=%2Bemail", "id,email,first_name,last_name,role,api_token,created_at,updated_at,deleted_at,metadata | "), ("fields=-api_token", "id,email,first_name,last_name,role,created_at,updated_at,deleted_at,metadata | "), ("expand=", "id,email,first_name,last_name,role,api_token,created_at,updated_at,deleted_at,metadata | ")],
    );
}

#[test]
fn fields_v2() {
    check(
        |q| list_selection(&PRODUCTS, q),
        &[
            // The v2 introduction's examples.
            ("fields=title,handle&expand=", "title,handle,id,created_at | "),
            ("fields=%2Btitle,-handle", "id,title,subtitle,description,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=+title,-handle", "id,title,subtitle,description,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=*variants", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=*variants,*options", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=variants.title,variants.sku,options.title", "id,created_at | variants{id,title,sku}(prices{*}) options{id,title} images{*} tags{*} collection{*}"),
            ("fields=*variants.prices", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            // Removing and adding inside relations.
            ("fields=-variants", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | options{*} images{*} tags{*} collection{*}"),
            ("fields=-variants.sku", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*-sku}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=%2Bvariants.sku", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"),
            ("fields=-collection,%2Bweight", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*}"),
            ("fields=*nope", "error: Requested fields [nope] are not valid"),
            ("fields=variants.nope", "error: Requested fields [variants.nope] are not valid"),
        ],
    );
}

#[test]
fn retrieve() {
    check(
        |q| retrieve_selection(&PRODUCTS, q),
        &[("", "id,title,subtitle,description,handle,is_giftcard,status,thumbnail,weight,collection_id,created_at,updated_at,deleted_at,metadata | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"), ("fields=title", "title,id | variants{*}(prices{*}) options{*} images{*} tags{*} collection{*}"), ("expand=tags&fields=", "id | tags{*}"), ("limit=1", "error: property limit should not exist"), ("q=x", "error: property q should not exist")],
    );
}

#[test]
fn shaping_trims_rows_to_the_selection() {
    use medusa_query_dsl::{parse, plan};
    use serde_json::json;

    let row = || {
        json!([{
            "id": "prod_1", "title": "Shirt", "handle": "shirt", "created_at": "2024-01-01",
            "collection": {"id": "pcol_1", "title": "Summer"},
            "tags": [],
            "variants": [{
                "id": "variant_1", "title": "S", "sku": "SKU-S", "inventory_quantity": 3,
                "prices": [{"id": "ma_1", "amount": 100, "currency_code": "usd"}],
                "options": [{"id": "optval_1", "value": "S"}]
            }]
        }])
    };
    let shaped = |query: &str| {
        let raw = parse(query).unwrap();
        let plan = plan(&PRODUCTS, &raw, DbBackend::Postgres).unwrap();
        let mut value = row();
        plan.selection.shape(&mut value);
        value
    };

    assert_eq!(
        shaped("fields=title&expand=variants"),
        json!([{
            "id": "prod_1", "title": "Shirt", "created_at": "2024-01-01",
            "variants": [{"id": "variant_1", "title": "S", "sku": "SKU-S", "inventory_quantity": 3}]
        }])
    );
    assert_eq!(
        shaped("fields=variants.sku&expand=variants.prices"),
        json!([{
            "id": "prod_1", "created_at": "2024-01-01",
            "variants": [{"id": "variant_1", "sku": "SKU-S",
                "prices": [{"id": "ma_1", "amount": 100, "currency_code": "usd"}]}]
        }])
    );
    assert_eq!(
        shaped(
            "fields=-handle,-variants.inventory_quantity,-collection&expand=variants,collection"
        ),
        json!([{
            "id": "prod_1", "title": "Shirt", "created_at": "2024-01-01",
            "collection": {"id": "pcol_1", "title": "Summer"},
            "variants": [{"id": "variant_1", "title": "S", "sku": "SKU-S"}]
        }])
    );
    assert_eq!(
        shaped("fields=&expand="),
        json!([{"id": "prod_1", "created_at": "2024-01-01"}])
    );
}

#[test]
fn passthrough_parameters_are_left_to_the_caller() {
    use medusa_query_dsl::{parse, passthrough_list, passthrough_text};

    let raw = parse("sales_channel_id[]=sc_1,sc_2&price_list_id=pl_1&x[y]=1").unwrap();
    assert_eq!(
        passthrough_list(&raw, "sales_channel_id"),
        Ok(Some(vec!["sc_1", "sc_2"]))
    );
    assert_eq!(
        passthrough_list(&raw, "price_list_id"),
        Ok(Some(vec!["pl_1"]))
    );
    assert_eq!(passthrough_text(&raw, "price_list_id"), Ok(Some("pl_1")));
    assert_eq!(passthrough_list(&raw, "absent"), Ok(None));
    assert_eq!(
        passthrough_list(&raw, "x").map_err(|e| e.to_string()),
        Err("x must be a string".to_owned())
    );
}

#[test]
fn a_route_can_load_a_relation_expand_left_out() {
    use medusa_query_dsl::{parse, plan_retrieve};

    let mut selection =
        plan_retrieve(&PRODUCTS, &parse("expand=tags&fields=title").unwrap()).unwrap();
    selection.load("collection");
    selection.load("tags");
    selection.load("nope");
    assert_eq!(
        crate::render_selection(&selection),
        "title,id | tags{*} collection{*}"
    );
    assert!(selection.has_relation("collection"));
}

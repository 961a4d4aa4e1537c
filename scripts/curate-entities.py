#!/usr/bin/env python3
"""Curates the entities sea-orm-cli generates from Medusa's schema.

    sea-orm-cli generate entity -u <url of a db loaded with medusa-1.20-schema.sql> \
        -o /tmp/gen --with-serde serialize --date-time-crate chrono --lib
    scripts/curate-entities.py /tmp/gen crates/entity/src/medusa

What it changes, so that a Model serializes exactly as Medusa's JSON:
- timestamps are written as `2024-01-07T10:00:00.000Z` (medusa_core::time);
- `real` columns print as JavaScript numbers (medusa_core::number);
- secrets (`password_hash`, `api_token`, `token_hash`) are never serialized;
- relations are left out (`pub enum Relation {}`, no `impl Related`): medusa-load loads them
  select-in, and the few list joins name their key with `medusa_load::references`;
- enums serialize (and deserialize) as their database strings;
- the generated header is replaced by one naming the table;
- a table is written in the `table!` form (`crates/entity/src/table.rs`): its columns only,
  the attributes their types decide left to the macro, Medusa's timestamps as
  `timestamps!(...)`, a link table (two string keys) as `link_table!`; the enums in the
  `active_enums!` form, one line a variant.
"""
import os
import re
import sys

SECRETS = {"password_hash", "api_token"}


def block_end(text, start):
    """The index just past the brace block opening at `start`."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0 and text[i] == "}":
            return i + 1
    raise ValueError("unbalanced braces")


def without_relations(text):
    m = re.search(r"pub enum Relation \{", text)
    if m:
        text = text[:m.start()] + "pub enum Relation {}" + text[block_end(text, m.end() - 1):]
    while (m := re.search(r"\nimpl Related<[^{]*\{", text)):
        text = text[:m.start()] + text[block_end(text, m.end() - 1):]
    return re.sub(r"\n{3,}", "\n\n", text)

# Attributes `table!` writes from a column's type (crates/entity/src/table.rs).
TYPE_ATTRIBUTES = {
    "DateTimeWithTimeZone": ['#[serde(serialize_with = "medusa_core::time::serialize")]'],
    "Option<DateTimeWithTimeZone>": ['#[serde(serialize_with = "medusa_core::time::serialize_opt")]'],
    "Json": ['#[sea_orm(column_type = "JsonBinary")]'],
    "Option<Json>": ['#[sea_orm(column_type = "JsonBinary", nullable)]'],
    "f32": ['#[sea_orm(column_type = "Float")]',
            '#[serde(serialize_with = "medusa_core::number::serialize_real")]'],
    "Option<f32>": ['#[sea_orm(column_type = "Float", nullable)]',
                    '#[serde(serialize_with = "medusa_core::number::serialize_opt_real")]'],
}


def as_table_macro(text):
    """A curated table in the `table!` form."""
    m = re.search(r'^#\[derive\(([^)]*)\)\]\n#\[sea_orm\(table_name = "(\w+)"\)\]\n'
                  r'((?://.*\n)*)pub struct Model \{\n(.*?)\n\}', text, re.S | re.M)
    derives, table, comments, body = m.groups()
    head = text[:m.start()].replace("use sea_orm::entity::prelude::*;\n", "")
    head = head.replace("use serde::{Deserialize, Serialize};\n", "")
    columns, attrs = [], []
    for line in body.split("\n"):
        s = line.strip()
        if s.startswith("#[") or s.startswith("//"):
            attrs.append(s)
            continue
        if not s:
            columns.append("")
            continue
        ty = s.split(": ", 1)[1].rstrip(",")
        kept = [a for a in attrs if a not in TYPE_ATTRIBUTES.get(ty, [])]
        columns += [f"        {a}" for a in kept] + [f"        {s}"]
        attrs = []
    model = "\n".join(columns)
    model = re.sub(r"(\n\s+)pub created_at: DateTimeWithTimeZone,\n\s+pub updated_at: DateTimeWithTimeZone,"
                   r"\n\s+pub deleted_at: Option<DateTimeWithTimeZone>,",
                   r"\1timestamps!(created_at, updated_at, deleted_at),", "\n" + model)
    model = re.sub(r"(\n\s+)pub created_at: DateTimeWithTimeZone,\n\s+pub updated_at: DateTimeWithTimeZone,",
                   r"\1timestamps!(created_at, updated_at),", model).lstrip("\n")
    eq = "    #[derive(Eq)]\n" if "Eq" in [d.strip() for d in derives.split(",")] else ""
    head = re.sub(r"\n{3,}", "\n\n", head).rstrip("\n") + "\n\n"
    link = re.match(r"\s*#\[sea_orm\(primary_key, auto_increment = false\)\]\n\s*pub (\w+): String,\n"
                    r"\s*#\[sea_orm\(primary_key, auto_increment = false\)\]\n\s*pub (\w+): String,\n?(.*)",
                    model, re.S)
    if eq and link and "primary_key" not in link.group(3):
        # A link table: its two keys, then any further columns after a `;`.
        comments = "".join(f"{c.strip()}\n" for c in comments.splitlines())
        rest = link.group(3).strip()
        rest = ";\n" + "\n".join(f"    {c.strip()}" for c in rest.split("\n")) + "\n" if rest else ""
        return head + comments + f'link_table!("{table}": {link.group(1)}, {link.group(2)}{rest});\n'
    comments = "".join(f"    {c}\n" for c in comments.splitlines())
    return (head + f'table! {{\n    #[sea_orm(table_name = "{table}")]\n{eq}{comments}'
            f"    pub struct Model {{\n{model}\n    }}\n}}\n")


def as_active_enums(text):
    """The curated enums in the `active_enums!` form (its rules are in the output's head)."""
    enums = []
    for m in re.finditer(r'enum_name = "(\w+)"\s*\)\]\s*pub enum (\w+) \{(.*?)\n\}', text, re.S):
        db_name, name, body = m.groups()
        variants = re.findall(r'string_value = "([^"]*)"\)\]\s*#\[serde\(rename = "[^"]*"\)\]\s*(\w+),', body)
        enums.append(f'    {name} = "{db_name}" {{\n'
                     + "".join(f'        {v} = "{s}",\n' for s, v in variants) + "    }")
    return ("\nuse sea_orm::entity::prelude::*;\nuse serde::{Deserialize, Serialize};\n\n"
            + ACTIVE_ENUMS_MACRO + "active_enums! {\n" + "\n\n".join(enums) + "\n}\n")


ACTIVE_ENUMS_MACRO = open(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                       "..", "crates", "entity", "src",
                                       "sea_orm_active_enums.rs")).read().split("active_enums! {")[0]
ACTIVE_ENUMS_MACRO = ACTIVE_ENUMS_MACRO[ACTIVE_ENUMS_MACRO.index("/// Declares"):]

src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst, exist_ok=True)

for name in sorted(os.listdir(src)):
    if not name.endswith(".rs") or name == "lib.rs":
        continue
    text = open(os.path.join(src, name)).read()
    text = re.sub(r"^//! `SeaORM` Entity, @generated by sea-orm-codegen [0-9.]+\n",
                  "", text)
    stem = name[:-3]
    if stem == "prelude":
        header = "//! Every Medusa entity under its type name.\n"
        text = text.replace("pub use super::", "pub use super::")
    elif stem == "sea_orm_active_enums":
        header = "//! Medusa's PostgreSQL enum types; on SQLite they are stored as text.\n"
        text = text.replace("use serde::Serialize;", "use serde::{Deserialize, Serialize};")
        text = text.replace("DeriveActiveEnum, Serialize)]", "DeriveActiveEnum, Serialize, Deserialize)]")
        text = re.sub(r'(\n(\s*)#\[sea_orm\(string_value = "([^"]*)"\)\])',
                      r'\1\n\2#[serde(rename = "\3")]', text)
        text = as_active_enums(text)
    else:
        header = f"//! The `{stem}` table.\n"
        # Deserialize too, so fixtures can be loaded with `ActiveModel::from_json`.
        text = text.replace("use serde::Serialize;", "use serde::{Deserialize, Serialize};")
        text = re.sub(r"#\[derive\(([^)]*DeriveEntityModel[^)]*), Serialize\)\]",
                      r"#[derive(\1, Serialize, Deserialize)]", text)
        out = []
        for line in text.split("\n"):
            m = re.match(r"^(\s*)pub (\w+): (Option<)?DateTimeWithTimeZone>?,$", line)
            if m:
                helper = "serialize_opt" if m.group(3) else "serialize"
                out.append(f'{m.group(1)}#[serde(serialize_with = "medusa_core::time::{helper}")]')
            m3 = re.match(r"^(\s*)pub (\w+): (Option<)?f32>?,$", line)
            if m3:
                helper = "serialize_opt_real" if m3.group(3) else "serialize_real"
                out.append(f'{m3.group(1)}#[serde(serialize_with = "medusa_core::number::{helper}")]')
            m2 = re.match(r"^(\s*)pub (\w+): ", line)
            if m2 and m2.group(2) in SECRETS:
                out.append(f"{m2.group(1)}#[serde(skip_serializing)]")
            out.append(line)
        text = without_relations("\n".join(out))
        if "Serialize, Deserialize)]" in text:
            text = as_table_macro(text)
    open(os.path.join(dst, name), "w").write(header + text)

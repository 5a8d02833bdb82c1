//! The public API, listed item by item in `tests/public-api.txt` and diffed
//! here, so that adding, removing or changing a public item is a visible,
//! reviewed change (with its CHANGELOG line).
//!
//! After an intended change, regenerate the listing with
//!
//! ```text
//! TEXTFACTS_BLESS=1 cargo test --test integration public_api
//! ```
//!
//! The listing is read from the sources with `syn`: the crate root's items
//! and re-exports (followed through `pub use` chains), each with its
//! signature, the attributes that shape its API (derives, `non_exhaustive`,
//! `cfg` on features, `must_use`), its public fields and variants, the public
//! functions and constants of its inherent impls and its trait impls,
//! wherever in the crate they are written. It needs no nightly toolchain and
//! no rustdoc JSON.

use quote::ToTokens;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use syn::{Attribute, ImplItem, Item, UseTree, Visibility};

const LISTING: &str = "tests/public-api.txt";
const BLESS: &str = "TEXTFACTS_BLESS";

/// A module: its path below the crate root, the `cfg` attributes of its
/// `mod` declarations ("#[cfg(feature = \"serde\")] "), and its items.
struct Module {
    path: Vec<String>,
    cfg: String,
    items: Vec<Item>,
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn parse_file(path: &Path) -> syn::File {
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    syn::parse_file(&src).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn is_test_only(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("cfg") && {
            let s = a.to_token_stream().to_string();
            s.contains("test") || s.contains("doctest")
        }
    })
}

/// Every module of the crate, read from `src/lib.rs` down.
fn load_modules() -> Vec<Module> {
    let mut out = Vec::new();
    let root = manifest_dir().join("src");
    let lib = root.join("lib.rs");
    collect(&root, &lib, Vec::new(), String::new(), parse_file(&lib).items, &mut out);
    out
}

fn collect(
    root: &Path,
    file: &Path,
    path: Vec<String>,
    cfg: String,
    items: Vec<Item>,
    out: &mut Vec<Module>,
) {
    // Child modules of `a/b.rs` or `a/b/mod.rs` live in `a/b/`.
    let dir = match file.file_name().and_then(|n| n.to_str()) {
        Some("lib.rs" | "mod.rs") => file.parent().unwrap_or(root).to_path_buf(),
        _ => file.with_extension(""),
    };
    for item in &items {
        let Item::Mod(m) = item else { continue };
        if is_test_only(&m.attrs) {
            continue;
        }
        let mut child = path.clone();
        child.push(m.ident.to_string());
        let child_cfg = format!("{cfg}{}", cfg_attrs(&m.attrs));
        match &m.content {
            Some((_, inline)) => collect(root, file, child, child_cfg, inline.clone(), out),
            None => {
                let flat = dir.join(format!("{}.rs", m.ident));
                let nested = dir.join(m.ident.to_string()).join("mod.rs");
                let path = if flat.is_file() { flat } else { nested };
                let items = parse_file(&path).items;
                collect(root, &path, child, child_cfg, items, out);
            }
        }
    }
    out.push(Module { path, cfg, items });
}

fn is_pub(vis: &Visibility) -> bool {
    matches!(vis, Visibility::Public(_))
}

/// The name an item defines, if it is public.
fn pub_name(item: &Item) -> Option<String> {
    let (vis, ident) = match item {
        Item::Fn(i) => (&i.vis, &i.sig.ident),
        Item::Struct(i) => (&i.vis, &i.ident),
        Item::Enum(i) => (&i.vis, &i.ident),
        Item::Trait(i) => (&i.vis, &i.ident),
        Item::Type(i) => (&i.vis, &i.ident),
        Item::Const(i) => (&i.vis, &i.ident),
        Item::Static(i) => (&i.vis, &i.ident),
        Item::Union(i) => (&i.vis, &i.ident),
        _ => return None,
    };
    (is_pub(vis) && !is_test_only(item_attrs(item))).then(|| ident.to_string())
}

fn item_attrs(item: &Item) -> &[Attribute] {
    match item {
        Item::Fn(i) => &i.attrs,
        Item::Struct(i) => &i.attrs,
        Item::Enum(i) => &i.attrs,
        Item::Trait(i) => &i.attrs,
        Item::Type(i) => &i.attrs,
        Item::Const(i) => &i.attrs,
        Item::Static(i) => &i.attrs,
        Item::Union(i) => &i.attrs,
        Item::Impl(i) => &i.attrs,
        Item::Use(i) => &i.attrs,
        _ => &[],
    }
}

/// `pub use` entries of a module: exported name -> (path segments, name).
fn pub_uses(module: &Module) -> Vec<(String, Vec<String>, String)> {
    fn walk(
        tree: &UseTree,
        prefix: &mut Vec<String>,
        out: &mut Vec<(String, Vec<String>, String)>,
    ) {
        match tree {
            UseTree::Path(p) => {
                prefix.push(p.ident.to_string());
                walk(&p.tree, prefix, out);
                prefix.pop();
            }
            UseTree::Name(n) => {
                out.push((n.ident.to_string(), prefix.clone(), n.ident.to_string()))
            }
            UseTree::Rename(r) => {
                out.push((r.rename.to_string(), prefix.clone(), r.ident.to_string()))
            }
            UseTree::Group(g) => g.items.iter().for_each(|t| walk(t, prefix, out)),
            UseTree::Glob(_) => panic!("glob re-exports are not listed; name the items"),
        }
    }
    let mut out = Vec::new();
    for item in &module.items {
        if let Item::Use(u) = item {
            if is_pub(&u.vis) && !is_test_only(&u.attrs) {
                walk(&u.tree, &mut Vec::new(), &mut out);
            }
        }
    }
    out
}

/// The module a `use` path's segments lead to, from module `from`.
fn resolve_module(from: &[String], segments: &[String]) -> Vec<String> {
    let mut path = from.to_vec();
    for (i, seg) in segments.iter().enumerate() {
        match seg.as_str() {
            "crate" if i == 0 => path.clear(),
            "self" => {}
            "super" => {
                path.pop();
            }
            name => path.push(name.to_string()),
        }
    }
    path
}

/// Renders tokens compactly: `fn f(x: &str) -> Tokens<'_>`.
fn render(tokens: impl ToTokens) -> String {
    let mut s = tokens.to_token_stream().to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ,", ","),
        (" ;", ";"),
        ("( ", "("),
        (" )", ")"),
        ("[ ", "["),
        (" ]", "]"),
        (" (", "("),
        ("& ", "&"),
        ("# [", "#["),
        (" < ", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" :", ":"),
        ("! (", "!("),
        ("& '", "&'"),
    ] {
        while s.contains(from) {
            s = s.replace(from, to);
        }
    }
    // Trailing commas come and go with line wrapping.
    let s = s.replace(",)", ")").replace(", }", " }").replace(",}", "}");
    s.replace("->", " -> ").replace("  ", " ").replace("=>", " => ").replace("  ", " ")
}

/// A variant's or struct's fields without their doc comments.
fn render_fields(fields: &syn::Fields) -> String {
    let field = |f: &syn::Field| {
        let attrs = api_attrs(&f.attrs);
        match &f.ident {
            Some(name) => format!("{attrs}{name}: {}", render(&f.ty)),
            None => format!("{attrs}{}", render(&f.ty)),
        }
    };
    match fields {
        syn::Fields::Named(n) => {
            format!(" {{ {} }}", n.named.iter().map(field).collect::<Vec<_>>().join(", "))
        }
        syn::Fields::Unnamed(u) => {
            format!("({})", u.unnamed.iter().map(field).collect::<Vec<_>>().join(", "))
        }
        syn::Fields::Unit => String::new(),
    }
}

/// The attributes that shape an item's API.
fn api_attrs(attrs: &[Attribute]) -> String {
    kept_attrs(attrs, &["derive", "non_exhaustive", "cfg", "cfg_attr", "must_use", "repr"])
}

/// The `cfg` attributes of a module declaration.
fn cfg_attrs(attrs: &[Attribute]) -> String {
    kept_attrs(attrs, &["cfg"])
}

fn kept_attrs(attrs: &[Attribute], names: &[&str]) -> String {
    let kept: Vec<String> =
        attrs.iter().filter(|a| names.iter().any(|k| a.path().is_ident(k))).map(render).collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("{} ", kept.join(" "))
    }
}

/// The last identifier of a type path, `Gazetteer` for `crate::Gazetteer<'a>`.
fn type_name(ty: &syn::Type) -> Option<String> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        syn::Type::Reference(r) => type_name(&r.elem),
        _ => None,
    }
}

/// The lines of one exported item (its own line first).
fn item_lines(name: &str, item: &Item) -> Vec<String> {
    let attrs = api_attrs(item_attrs(item));
    let mut lines = Vec::new();
    match item {
        Item::Fn(f) => lines.push(format!("{attrs}pub {}", render(&f.sig))),
        Item::Struct(s) => {
            let g = render(&s.generics);
            let w = s.generics.where_clause.as_ref().map(render).unwrap_or_default();
            lines.push(format!("{attrs}pub struct {name}{g} {w}").trim_end().to_string());
            for (i, field) in s.fields.iter().enumerate() {
                if is_pub(&field.vis) {
                    let field_name =
                        field.ident.as_ref().map_or(i.to_string(), ToString::to_string);
                    let fa = api_attrs(&field.attrs);
                    lines
                        .push(format!("{fa}pub field {name}::{field_name}: {}", render(&field.ty)));
                }
            }
        }
        Item::Enum(e) => {
            lines.push(format!("{attrs}pub enum {name}{}", render(&e.generics)));
            for v in &e.variants {
                let fields = render_fields(&v.fields);
                let va = api_attrs(&v.attrs);
                lines.push(format!("{va}variant {name}::{}{fields}", v.ident));
            }
        }
        Item::Trait(t) => {
            lines.push(format!("{attrs}pub trait {name}{}", render(&t.generics)));
            for ti in &t.items {
                lines.push(format!("trait item {name}: {}", render(ti)));
            }
        }
        Item::Type(t) => {
            lines.push(format!("{attrs}pub type {name}{} = {}", render(&t.generics), render(&t.ty)))
        }
        Item::Const(c) => lines.push(format!("{attrs}pub const {name}: {}", render(&c.ty))),
        Item::Static(s) => lines.push(format!("{attrs}pub static {name}: {}", render(&s.ty))),
        _ => lines.push(format!("{attrs}pub item {name}")),
    }
    lines
}

/// The lines of the impls of `name` found in `module`.
fn impl_lines(
    name: &str,
    module: &Module,
    private_traits: &BTreeSet<String>,
    out: &mut Vec<String>,
) {
    for item in &module.items {
        let Item::Impl(imp) = item else { continue };
        if is_test_only(&imp.attrs) || type_name(&imp.self_ty).as_deref() != Some(name) {
            continue;
        }
        let generics = render(&imp.generics);
        let cfg = format!("{}{}", module.cfg, api_attrs(&imp.attrs));
        let self_ty = render(&imp.self_ty);
        match &imp.trait_ {
            Some((neg, trait_path, _)) => {
                let trait_name = trait_path.segments.last().map(|s| s.ident.to_string());
                if trait_name.is_some_and(|t| private_traits.contains(&t)) {
                    continue;
                }
                let neg = if neg.is_some() { "!" } else { "" };
                let header =
                    format!("{cfg}impl{generics} {neg}{} for {self_ty}", render(trait_path));
                out.push(header.clone());
                for ii in &imp.items {
                    if let ImplItem::Type(t) = ii {
                        out.push(format!("{header}: type {} = {}", t.ident, render(&t.ty)));
                    }
                }
            }
            None => {
                for ii in &imp.items {
                    let line = match ii {
                        ImplItem::Fn(f) if is_pub(&f.vis) && !is_test_only(&f.attrs) => {
                            format!("{}pub {}", api_attrs(&f.attrs), render(&f.sig))
                        }
                        ImplItem::Const(c) if is_pub(&c.vis) => {
                            format!(
                                "{}pub const {}: {}",
                                api_attrs(&c.attrs),
                                c.ident,
                                render(&c.ty)
                            )
                        }
                        _ => continue,
                    };
                    out.push(format!("{cfg}impl{generics} {self_ty}: {line}"));
                }
            }
        }
    }
}

/// The listing: one section per exported name, lines sorted within it.
fn listing() -> String {
    let modules = load_modules();
    let mut defs: HashMap<(Vec<String>, String), &Item> = HashMap::new();
    let mut uses: HashMap<(Vec<String>, String), (Vec<String>, String)> = HashMap::new();
    let mut private_traits = BTreeSet::new();
    for m in &modules {
        for item in &m.items {
            if let Some(name) = pub_name(item) {
                defs.insert((m.path.clone(), name), item);
            } else if let Item::Trait(t) = item {
                private_traits.insert(t.ident.to_string());
            }
        }
        for (exported, segments, name) in pub_uses(m) {
            uses.insert((m.path.clone(), exported), (resolve_module(&m.path, &segments), name));
        }
    }
    // The root's names: its own public items and its re-exports.
    let mut root_names: BTreeSet<String> = BTreeSet::new();
    root_names.extend(defs.keys().filter(|(p, _)| p.is_empty()).map(|(_, n)| n.clone()));
    root_names.extend(uses.keys().filter(|(p, _)| p.is_empty()).map(|(_, n)| n.clone()));

    let mut sections = BTreeMap::new();
    for name in &root_names {
        let mut key = (Vec::new(), name.clone());
        let mut hops = 0;
        let item = loop {
            if let Some(item) = defs.get(&key) {
                break *item;
            }
            key = uses.get(&key).cloned().unwrap_or_else(|| panic!("cannot resolve {name}"));
            hops += 1;
            assert!(hops < 16, "re-export cycle at {name}");
        };
        let mut lines = item_lines(name, item);
        let head = lines.remove(0);
        let mut rest = lines;
        for m in &modules {
            impl_lines(&key.1, m, &private_traits, &mut rest);
        }
        rest.sort();
        rest.dedup();
        // Where an item is defined inside the crate is not part of its API.
        let mut section = vec![head];
        section.extend(rest.into_iter().map(|l| format!("    {l}")));
        sections.insert(name.clone(), section.join("\n"));
    }
    let mut out = String::from(
        "# textfacts public API. Regenerate: TEXTFACTS_BLESS=1 cargo test --test integration public_api\n",
    );
    for section in sections.values() {
        out.push_str(section);
        out.push('\n');
    }
    out
}

#[test]
fn public_api_matches_the_listing() {
    let path = manifest_dir().join(LISTING);
    let now = listing();
    if std::env::var_os(BLESS).is_some() {
        std::fs::write(&path, &now).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!("wrote {}", path.display());
        return;
    }
    let before = std::fs::read_to_string(&path).unwrap_or_default();
    if before == now {
        return;
    }
    let old: BTreeSet<&str> = before.lines().collect();
    let new: BTreeSet<&str> = now.lines().collect();
    let mut diff = String::new();
    for line in old.difference(&new) {
        diff.push_str(&format!("- {line}\n"));
    }
    for line in new.difference(&old) {
        diff.push_str(&format!("+ {line}\n"));
    }
    panic!(
        "the public API differs from {LISTING}:\n{diff}\nIf the change is intended, add a CHANGELOG \
         line and run: {BLESS}=1 cargo test --test integration public_api"
    );
}

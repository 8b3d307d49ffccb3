//! The screening plan of a body schema, compiled once at load.
//!
//! Screening a JSON body walks the document together with its schema: which strings are exempt
//! (a strict format, an enum, `x-gateway-screening: off`), which keys are declared (a declared
//! `$`-key is a field, not a Mongo operator), and which subschemas apply to a member or an item,
//! through `$ref`, `allOf`, `anyOf` and `oneOf`. Answering that per request means a dozen
//! string-keyed map lookups per value. The plan answers it ahead of time: one node per set of
//! subschemas that can apply at some place in a document, with the answers precomputed, and
//! members looked up by binary search. [`super::screen_json`] stays the reference: the test
//! `plan_screens_as_the_schema_walk` compares both on generated documents.

use super::{exempt_candidates, safe_token, screen, shape::resolve, Candidate, Finding};
use serde_json::Value;
use std::collections::HashMap;

/// More nodes than this (a schema whose combinators multiply the candidate sets) and the body
/// is screened by the schema walk instead.
const MAX_NODES: usize = 4096;

/// Deepest combinator nesting followed, as in the schema walk.
const MAX_DEPTH: usize = 16;

type NodeId = u32;

#[derive(Debug)]
struct Node {
    /// Strings here are not screened.
    exempt: bool,
    /// Keys some schema of the set declares in its own `properties`, sorted.
    declared: Vec<Box<str>>,
    /// The node of each member named in some `properties` of the set (or of its combinators),
    /// sorted by key.
    props: Vec<(Box<str>, NodeId)>,
    /// The node of any other member.
    other: NodeId,
    /// The node of array items.
    items: NodeId,
}

#[derive(Debug)]
pub struct Plan {
    nodes: Vec<Node>,
    root: NodeId,
}

/// The empty set of schemas: nothing exempt, nothing declared, and so on all the way down.
const FREE: NodeId = 0;

struct Builder<'a> {
    root: &'a Value,
    nodes: Vec<Node>,
    memo: HashMap<Vec<(usize, bool)>, NodeId>,
    todo: Vec<(NodeId, Vec<Candidate<'a>>)>,
}

fn addr(s: &Value) -> usize {
    s as *const Value as usize
}

impl<'a> Builder<'a> {
    /// The node of a set of candidate schemas, created (and queued) on first sight.
    fn node(&mut self, mut set: Vec<Candidate<'a>>) -> Option<NodeId> {
        set.sort_by_key(|(s, sure)| (addr(s), *sure));
        set.dedup_by_key(|(s, sure)| (addr(s), *sure));
        if set.is_empty() {
            return Some(FREE);
        }
        let key: Vec<(usize, bool)> = set.iter().map(|(s, sure)| (addr(s), *sure)).collect();
        if let Some(id) = self.memo.get(&key) {
            return Some(*id);
        }
        if self.nodes.len() >= MAX_NODES {
            return None;
        }
        let id = self.nodes.len() as NodeId;
        self.nodes.push(Node::free());
        self.memo.insert(key, id);
        self.todo.push((id, set));
        Some(id)
    }

    /// The schemas whose `properties`/`additionalProperties`/`items` apply at a node: each one
    /// resolved, and the members of its combinators (sure to apply only through `allOf`), as
    /// the schema walk's `children` does.
    fn members(&self, (s, sure): Candidate<'a>, depth: usize, out: &mut Vec<(&'a Map, bool)>) {
        if depth > MAX_DEPTH {
            return;
        }
        let s = resolve(self.root, s);
        let Some(m) = s.as_object() else { return };
        out.push((m, sure));
        for c in ["allOf", "anyOf", "oneOf"] {
            if let Some(a) = m.get(c).and_then(Value::as_array) {
                for x in a {
                    self.members((x, sure && c == "allOf"), depth + 1, out);
                }
            }
        }
    }

    fn fill(&mut self, id: NodeId, set: Vec<Candidate<'a>>) -> Option<()> {
        let exempt = exempt_candidates(self.root, &set);
        let mut declared: Vec<Box<str>> = set
            .iter()
            .flat_map(|(s, _)| super::screening::declared_keys(self.root, s, 0))
            .map(Box::from)
            .collect();
        declared.sort();
        declared.dedup();

        let mut members = Vec::new();
        for c in &set {
            self.members(*c, 0, &mut members);
        }
        let props_of = |m: &'a Map| m.get("properties").and_then(Value::as_object);
        let additional_of = |m: &'a Map| m.get("additionalProperties").filter(|a| a.is_object());
        let mut names: Vec<&'a str> = members
            .iter()
            .filter_map(|(m, _)| props_of(m))
            .flat_map(|p| p.keys().map(String::as_str))
            .collect();
        names.sort();
        names.dedup();
        let mut props = Vec::with_capacity(names.len());
        for name in names {
            let kids = members
                .iter()
                .filter_map(|(m, sure)| match props_of(m).and_then(|p| p.get(name)) {
                    Some(p) => Some((p, *sure)),
                    None => additional_of(m).map(|a| (a, *sure)),
                })
                .collect();
            props.push((Box::from(name), self.node(kids)?));
        }
        let other = self.node(
            members
                .iter()
                .filter_map(|(m, sure)| additional_of(m).map(|a| (a, *sure)))
                .collect(),
        )?;
        let items = self.node(
            members
                .iter()
                .filter_map(|(m, sure)| {
                    m.get("items").filter(|i| i.is_object()).map(|i| (i, *sure))
                })
                .collect(),
        )?;
        self.nodes[id as usize] = Node {
            exempt,
            declared,
            props,
            other,
            items,
        };
        Some(())
    }
}

impl Node {
    fn free() -> Node {
        Node {
            exempt: false,
            declared: Vec::new(),
            props: Vec::new(),
            other: FREE,
            items: FREE,
        }
    }
}

type Map = serde_json::Map<String, Value>;

impl Plan {
    /// The plan of a compiled body schema; `None` when it would be too large (the caller then
    /// walks the schema per request).
    pub fn build(root: &Value) -> Option<Plan> {
        let mut b = Builder {
            root,
            nodes: vec![Node::free()],
            memo: HashMap::new(),
            todo: Vec::new(),
        };
        let top = b.node(vec![(root, true)])?;
        while let Some((id, set)) = b.todo.pop() {
            b.fill(id, set)?;
        }
        Some(Plan {
            nodes: b.nodes,
            root: top,
        })
    }

    /// Screen every string value and key of a document (what `screen_json` does with the
    /// schema itself).
    pub fn screen(&self, v: &Value, ptr: &mut String, out: &mut Vec<Finding>) {
        self.walk(self.root, v, ptr, out);
    }

    fn walk(&self, id: NodeId, v: &Value, ptr: &mut String, out: &mut Vec<Finding>) {
        let node = &self.nodes[id as usize];
        match v {
            Value::String(s) => {
                if !node.exempt {
                    if let Some(class) = screen::text(s) {
                        out.push(Finding {
                            pointer: ptr.clone(),
                            class,
                        });
                    }
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    let len = ptr.len();
                    ptr.push('/');
                    ptr.push_str(itoa::Buffer::new().format(i));
                    self.walk(node.items, x, ptr, out);
                    ptr.truncate(len);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    let len = ptr.len();
                    if node.declared.binary_search_by(|d| (**d).cmp(k)).is_err() {
                        if let Some(class) = screen::key(k) {
                            out.push(Finding {
                                pointer: ptr.clone(),
                                class,
                            });
                        }
                    }
                    let child = match node.props.binary_search_by(|(n, _)| (**n).cmp(k)) {
                        Ok(i) => node.props[i].1,
                        Err(_) => node.other,
                    };
                    ptr.push('/');
                    ptr.push_str(&safe_token(k));
                    self.walk(child, x, ptr, out);
                    ptr.truncate(len);
                }
            }
            _ => {}
        }
    }
}

//! The checks of one request against its operation, under the hard caps of `limits`:
//! parameters, media type, body schema, caps and screening.

use super::*;

fn schema_violations(
    v: &jsonschema::Validator,
    instance: &Value,
    prefix: &str,
    out: &mut Vec<Violation>,
) {
    // The common case, a valid instance, takes the short-circuiting check.
    if v.is_valid(instance) {
        return;
    }
    for e in v.iter_errors(instance).take(32) {
        let mut p = String::from(prefix);
        for tok in e.instance_path().to_string().split('/').skip(1) {
            p.push('/');
            p.push_str(&safe_token(&tok.replace("~1", "/").replace("~0", "~")));
        }
        let sp = e.schema_path().to_string();
        let last = sp.rsplit('/').next().unwrap_or("").to_string();
        let rule = match e.kind() {
            jsonschema::error::ValidationErrorKind::FalseSchema => "read-only".to_string(),
            _ if last == "unevaluatedProperties" || last == "additionalProperties" => {
                "undeclared-property".to_string()
            }
            _ if last.is_empty() || last.chars().all(|c| c.is_ascii_digit()) => "schema".into(),
            _ => last,
        };
        let viol = Violation::new(p, rule);
        if !out.contains(&viol) {
            out.push(viol);
        }
    }
}

/// The string leaves of a decoded value (what the client wrote), for screening.
fn leaf_texts(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| leaf_texts(x, out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| {
            out.push(k.clone());
            leaf_texts(x, out)
        }),
        other => out.push(other.to_string()),
    }
}

/// The checks of one request against its operation, under the hard caps of `limits`.
impl Caps {
    /// A parameter's value from its raw occurrences, by its style and shape. With `oneOf` /
    /// `anyOf` branches of different shapes, the first shape whose value the schema accepts.
    fn param_value(&self, p: &Param, raws: &[String]) -> Result<Value, &'static str> {
        let one = |prim: &Prim| -> Result<Value, &'static str> {
            if *prim == Prim::Json {
                if raws.len() > 1 {
                    return Err("duplicate-parameter");
                }
                return json::parse(raws[0].as_bytes(), self).map_err(|_| "json-syntax");
            }
            params::value(p, prim, raws)
        };
        match &p.prim {
            Prim::Any(cands) => {
                let mut first = None;
                for c in cands {
                    match one(c) {
                        Ok(v) if p.validator.is_valid(&v) => return Ok(v),
                        r => {
                            if first.is_none() {
                                first = Some(r);
                            }
                        }
                    }
                }
                first.unwrap_or(Err("schema"))
            }
            prim => one(prim),
        }
    }

    /// Check one request against its operation. `Ok` carries monitor-mode findings.
    pub fn check(&self, op: &Operation, input: &Input<'_>) -> Result<Vec<Finding>, Deny> {
        let mut viol = Vec::new();
        let mut found = Vec::new();
        let screening = op.action != Action::Off;

        // Query pairs, decoded once by the request view.
        let pairs: Vec<(String, String)> = input
            .query
            .iter()
            .map(|p| (p.name.clone(), p.value.clone()))
            .collect();
        for (k, v) in &pairs {
            if k.contains('\u{FFFD}') || v.contains('\u{FFFD}') {
                viol.push(Violation::new("/query", "invalid-utf8"));
                break;
            }
        }

        for p in &op.params {
            let ptr = &p.pointer;
            // Query objects spread over several pairs: `deepObject` and exploded `form`.
            let spread = match (p.loc, p.style, &p.prim) {
                (ParamLoc::Query, Style::DeepObject, _) => Some(params::deep_object(p, &pairs)),
                (ParamLoc::Query, Style::Form, Prim::Object) if p.explode => {
                    Some(params::exploded_object(p, &pairs))
                }
                (ParamLoc::Cookie, Style::Form, Prim::Object) if p.explode => {
                    Some(params::exploded_object(p, input.cookies))
                }
                _ => None,
            };
            let raws: Vec<String> = match p.loc {
                _ if spread.is_some() => Vec::new(),
                // Path values stay percent-encoded until split by their style.
                ParamLoc::Path => input
                    .path_params
                    .iter()
                    .filter(|(n, _)| *n == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
                ParamLoc::Query => pairs
                    .iter()
                    .filter(|(k, _)| *k == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
                ParamLoc::Header => input
                    .headers
                    .get_all(p.lower_name.as_str())
                    .iter()
                    .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                    .collect(),
                ParamLoc::Cookie => input
                    .cookies
                    .iter()
                    .filter(|(k, _)| *k == p.name)
                    .map(|(_, v)| v.to_string())
                    .collect(),
            };
            let value = match spread {
                Some(Err(rule)) => {
                    viol.push(Violation::new(ptr.clone(), rule));
                    continue;
                }
                Some(Ok(None)) => None,
                Some(Ok(Some(v))) => Some(v),
                None if raws.is_empty() => None,
                None => {
                    // An empty query value (`?q=`): OAS allows it only where the parameter
                    // says `allowEmptyValue: true` (default false), whatever its schema, and
                    // then there is no value to check.
                    if raws.len() == 1 && raws[0].is_empty() && p.loc == ParamLoc::Query {
                        if !p.allow_empty {
                            viol.push(Violation::new(ptr.clone(), "empty-value"));
                        }
                        continue;
                    }
                    match self.param_value(p, &raws) {
                        Ok(v) => Some(v),
                        Err(rule) => {
                            viol.push(Violation::new(ptr.clone(), rule));
                            continue;
                        }
                    }
                }
            };
            let Some(value) = value else {
                if p.required {
                    viol.push(Violation::new(ptr.clone(), "required"));
                }
                continue;
            };
            schema_violations(&p.validator, &value, ptr, &mut viol);
            // Arrays and objects are screened leaf by leaf, each by its own schema (a strict
            // format exempts only the members it is declared on).
            if screening && matches!(value, Value::Array(_) | Value::Object(_)) {
                let root: &Value = &p.schema;
                let mut at = ptr.clone();
                screen_json(root, &[(root, true)], &value, &mut at, &mut found);
                continue;
            }
            let raws: Vec<String> = if p.loc == ParamLoc::Path {
                raws.iter()
                    .map(|r| shape::percent_decode(r).unwrap_or_else(|| r.clone()))
                    .collect()
            } else if raws.is_empty() {
                let mut t = Vec::new();
                leaf_texts(&value, &mut t);
                t
            } else {
                raws
            };
            if screening && !p.exempt {
                let cached = matches!(p.loc, ParamLoc::Header | ParamLoc::Cookie);
                for r in &raws {
                    let verdict = if cached {
                        screen::text_cached(r)
                    } else {
                        screen::text(r)
                    };
                    if let Some(c) = verdict {
                        found.push(Finding {
                            pointer: ptr.clone(),
                            class: c,
                        });
                    }
                }
            }
        }

        // Header and cookie values the spec does not declare still reach the service: screen
        // them too (declared ones were screened above, per their schema).
        if screening {
            screen_headers(
                op,
                input.headers,
                input.cookies,
                input.content_type,
                &mut found,
            );
        }

        // Undeclared query parameters, and bracket-syntax operators in any name.
        for (k, v) in &pairs {
            let declared = op.params.iter().any(|p| params::owns_query_key(p, k));
            if screening {
                if let Some(c) = screen::param_name(k) {
                    found.push(Finding {
                        pointer: "/query".into(),
                        class: c,
                    });
                }
            }
            if !declared {
                if op.strict_query {
                    let v = Violation::new("/query", "undeclared-parameter");
                    if !viol.contains(&v) {
                        viol.push(v);
                    }
                } else if screening {
                    if let Some(c) = screen::text(v) {
                        found.push(Finding {
                            pointer: "/query".into(),
                            class: c,
                        });
                    }
                }
            }
        }

        // Body.
        let body = input.body.filter(|b| !b.is_empty());
        let essence = input.content_type.map(|m| m.essence.as_str()).unwrap_or("");
        let boundary = input.content_type.and_then(|m| m.param("boundary"));
        match (&op.body, body) {
            (None, Some(_)) => return Err(Deny::UnsupportedMediaType),
            (None, None) => {}
            (Some(spec), None) => {
                if spec.required {
                    viol.push(Violation::new("/body", "required"));
                }
            }
            (Some(spec), Some(bytes)) => {
                // The most specific declared range that matches (OAS: `text/plain` beats
                // `text/*`, which beats `*/*`), validated against its own schema.
                let Some(media) = spec
                    .media
                    .iter()
                    .filter(|m| media_matches(&m.range, essence))
                    .max_by_key(|m| specificity(&m.range))
                else {
                    return Err(Deny::UnsupportedMediaType);
                };
                let kind = if media.kind == BodyKind::Other {
                    media_kind(essence)
                } else {
                    media.kind
                };
                // A range with a structured schema, matched by a type the gateway cannot read:
                // the body cannot be shown to satisfy the schema, so it is not forwarded.
                if kind == BodyKind::Other && media.validator.is_some() {
                    return Err(Deny::UnsupportedMediaType);
                }
                let parsed = match kind {
                    BodyKind::Json => json::parse(bytes, self).map(Some),
                    BodyKind::Form => {
                        forms::urlencoded(bytes, &media.schema, &media.form, self).map(Some)
                    }
                    BodyKind::Multipart => {
                        let mut parts = forms::PartTexts::default();
                        let doc = forms::multipart(
                            bytes,
                            boundary,
                            &media.schema,
                            &media.encoding,
                            &mut parts,
                        );
                        if screening && doc.is_ok() {
                            for (pointer, name) in parts.names {
                                if let Some(class) = screen::text(&name) {
                                    found.push(Finding { pointer, class });
                                }
                            }
                            for (pointer, kind, content) in parts.markup {
                                let script = match kind {
                                    forms::Markup::Html => {
                                        Ok(libinjectionrs::detect_xss(&content).is_injection())
                                    }
                                    forms::Markup::Xml => {
                                        forms::xml_runs_script(&content, self.max_depth)
                                    }
                                };
                                match script {
                                    Ok(true) => found.push(Finding {
                                        pointer,
                                        class: screen::Class::Xss,
                                    }),
                                    Ok(false) => {}
                                    Err(v) => viol.push(Violation::new(pointer, v.rule)),
                                }
                            }
                        }
                        doc.map(Some)
                    }
                    BodyKind::Xml => forms::xml(bytes, self.max_depth).and_then(|tree| {
                        if media.validator.is_some() {
                            let root: &Value = &media.schema;
                            return forms::xml_value(root, Some(root), &tree, "/body").map(Some);
                        }
                        if screening {
                            let mut texts = Vec::new();
                            tree.texts(&mut texts);
                            for t in texts {
                                if let Some(c) = screen::text(&t) {
                                    found.push(Finding {
                                        pointer: "/body".into(),
                                        class: c,
                                    });
                                }
                            }
                        }
                        Ok(None)
                    }),
                    BodyKind::Other => Ok(None),
                };
                match parsed {
                    Err(v) => viol.push(v),
                    Ok(None) => {}
                    Ok(Some(doc)) => {
                        if let Some(v) = &media.validator {
                            schema_violations(v, &doc, "/body", &mut viol);
                            if viol.is_empty() && has_float(&doc) {
                                let root: &Value = &media.schema;
                                let mut ptr = String::from("/body");
                                float_integers(root, &[(root, true)], &doc, &mut ptr, &mut viol);
                            }
                        }
                        if screening && viol.is_empty() {
                            let root: &Value = &media.schema;
                            let schemas: Vec<Candidate<'_>> = if media.validator.is_some() {
                                vec![(root, true)]
                            } else {
                                vec![]
                            };
                            let mut ptr = String::from("/body");
                            match &media.plan {
                                Some(plan) if media.validator.is_some() => {
                                    plan.screen(&doc, &mut ptr, &mut found)
                                }
                                _ => screen_json(root, &schemas, &doc, &mut ptr, &mut found),
                            }
                        }
                    }
                }
            }
        }

        if !viol.is_empty() {
            return Err(Deny::SchemaInvalid(viol));
        }
        for f in &found {
            SCREENED
                .with_label_values(&[f.class.rule(), op.action.label()])
                .inc();
        }
        if !found.is_empty() && op.action == Action::Block {
            let mut list: Vec<Violation> = Vec::new();
            for f in &found {
                let v = Violation::new(f.pointer.clone(), f.class.rule());
                if !list.contains(&v) {
                    list.push(v);
                }
            }
            return Err(Deny::InjectionBlocked(list));
        }
        Ok(found)
    }
}

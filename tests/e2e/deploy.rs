//! The deployment files in `deploy/` checked by the tools of their ecosystems (hadolint,
//! checkov, kubernetes-validate, kustomize, promtool, systemd-analyze), the shipped
//! Kubernetes configuration loaded by `gateway check`, and the systemd start / reload / stop
//! recipe (`gateway run --daemon`, Pingora's graceful upgrade) run against the real binary.
//!
//! A missing tool fails its test, naming it, unless `GATEWAY_TEST_SKIP` lists it
//! (`make test-deps` installs them: the Python ones into `.test-tools/`).

use crate::harness::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("repo root")
        .to_path_buf()
}

/// The tool's path, or `None` when it is missing and `GATEWAY_TEST_SKIP` lists it; a missing
/// tool that is not listed fails the test.
fn tool(name: &str) -> Option<PathBuf> {
    let mut dirs = vec![repo().join(".test-tools/bin")];
    if let Some(p) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&p));
    }
    if let Some(found) = dirs.iter().map(|d| d.join(name)).find(|p| {
        // A pyenv shim exists for uninstalled packages too: ask the tool behind it.
        p.is_file()
            && (!p.to_string_lossy().contains("/shims/")
                || Command::new(p)
                    .arg("--help")
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .status()
                    .is_ok_and(|s| s.success()))
    }) {
        return Some(found);
    }
    let install = match name {
        "checkov" | "hadolint" | "kubernetes-validate" => "make test-deps puts it in .test-tools/",
        "systemd-analyze" => "apt-get install systemd",
        "promtool" => "apt-get install prometheus",
        "chromium" => "apt-get install chromium",
        _ => "see the Makefile's test-deps",
    };
    gateway::testenv::require(name, false, install);
    None
}

fn run(cmd: &mut Command) -> Output {
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// `kubectl kustomize DIR` as YAML text.
fn kustomize(kubectl: &Path, dir: &str) -> String {
    let out = run(Command::new(kubectl).arg("kustomize").arg(repo().join(dir)));
    assert!(out.status.success(), "kustomize {dir}:\n{}", text(&out));
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Multi-document YAML to JSON values (through Python's PyYAML, which every machine here has).
fn yaml_docs(yaml: &str) -> Vec<serde_json::Value> {
    let mut child = Command::new("python3")
        .args([
            "-c",
            "import sys, json, yaml; print(json.dumps([d for d in yaml.safe_load_all(sys.stdin) if d]))",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(yaml.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("python3");
    assert!(out.status.success(), "yaml to json failed");
    serde_json::from_slice(&out.stdout).expect("json")
}

#[test]
fn containerfile_passes_hadolint() {
    let Some(hadolint) = tool("hadolint") else {
        return;
    };
    let out = run(Command::new(hadolint)
        .arg("--failure-threshold")
        .arg("info")
        .arg(repo().join("deploy/container/Containerfile")));
    assert!(out.status.success(), "hadolint:\n{}", text(&out));
}

/// checkov over the Containerfile and the rendered example overlay in one run (it spends
/// most of its ~8 s starting up).
#[test]
fn containerfile_and_kubernetes_pass_checkov() {
    let (Some(checkov), Some(kubectl)) = (tool("checkov"), tool("kubectl")) else {
        return;
    };
    // Not a hidden directory (tempfile's default `.tmpXXXX`): checkov's Kubernetes runner
    // skips those. It recognises the Dockerfile by its name.
    let dir = tempfile::Builder::new()
        .prefix("checkov-")
        .tempdir()
        .expect("tempdir");
    std::fs::copy(
        repo().join("deploy/container/Containerfile"),
        dir.path().join("Dockerfile"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("overlay.yaml"),
        kustomize(&kubectl, "deploy/kubernetes/overlays/example"),
    )
    .expect("write");
    let out = run(Command::new(checkov)
        .args(["--quiet", "--compact", "--skip-download", "--framework"])
        .args(["kubernetes", "dockerfile", "-d"])
        .arg(dir.path()));
    let t = text(&out);
    assert!(out.status.success(), "checkov:\n{t}");
    for framework in ["dockerfile scan results", "kubernetes scan results"] {
        assert!(
            t.contains(framework),
            "checkov did not scan: {framework}\n{t}"
        );
    }
    assert!(!t.contains("Failed checks: 1") && t.matches("Failed checks: 0").count() == 2);
}

/// Every manifest, as written and as rendered (base and overlay), against the Kubernetes
/// schemas, strictly (unknown fields are errors).
#[test]
fn kubernetes_manifests_match_the_schemas() {
    let (Some(validate), Some(kubectl)) = (tool("kubernetes-validate"), tool("kubectl")) else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let mut files = Vec::new();
    for d in [
        "deploy/kubernetes/base",
        "deploy/kubernetes/overlays/example",
    ] {
        for e in std::fs::read_dir(repo().join(d)).expect("read_dir") {
            let p = e.expect("entry").path();
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            // kustomization.yaml is kustomize's own; the service patch is partial.
            if p.extension().is_some_and(|x| x == "yaml")
                && name != "kustomization.yaml"
                && name != "service-loadbalancer.yaml"
            {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 7, "manifests found: {files:?}");
    for (name, d) in [
        ("base.yaml", "deploy/kubernetes/base"),
        ("overlay.yaml", "deploy/kubernetes/overlays/example"),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, kustomize(&kubectl, d)).expect("write");
        files.push(p);
    }
    let out = run(Command::new(validate).arg("--strict").args(&files));
    let t = text(&out);
    assert!(out.status.success(), "kubernetes-validate:\n{t}");
    assert!(!t.contains("ERROR"), "{t}");
    // Every resource was checked (not skipped as an unknown kind).
    for kind in [
        "deployment/gateway",
        "service/gateway",
        "poddisruptionbudget/gateway",
        "horizontalpodautoscaler/gateway",
        "networkpolicy/gateway",
        "serviceaccount/gateway",
        "namespace/gateway-example",
    ] {
        assert!(
            t.contains(&format!("passed for resource {kind}")),
            "{kind}:\n{t}"
        );
    }
}

/// The rendered overlay keeps the promises docs/deploy.md makes, and its timings agree with
/// the gateway configuration it ships.
#[test]
fn kubernetes_overlay_is_consistent_with_the_gateway_config() {
    let Some(kubectl) = tool("kubectl") else {
        return;
    };
    let docs = yaml_docs(&kustomize(&kubectl, "deploy/kubernetes/overlays/example"));
    let find = |kind: &str| {
        docs.iter()
            .find(|d| d["kind"] == kind)
            .unwrap_or_else(|| panic!("no {kind} rendered"))
    };
    let dep = find("Deployment");
    assert_eq!(dep["metadata"]["namespace"], "gateway-example");
    let pod = &dep["spec"]["template"]["spec"];
    let c = &pod["containers"][0];
    let sc = &c["securityContext"];
    assert_eq!(sc["readOnlyRootFilesystem"], true);
    assert_eq!(sc["allowPrivilegeEscalation"], false);
    assert_eq!(sc["capabilities"]["drop"], serde_json::json!(["ALL"]));
    assert_eq!(pod["securityContext"]["runAsNonRoot"], true);
    assert_eq!(pod["automountServiceAccountToken"], false);
    assert!(c["image"].as_str().unwrap_or_default().contains("@sha256:"));
    // Probes on the admin port, which the gateway configuration binds.
    let admin_port = c["ports"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == "admin"))
        .map(|p| p["containerPort"].as_u64().unwrap_or(0))
        .expect("admin port");
    assert_eq!(c["livenessProbe"]["httpGet"]["path"], "/healthz");
    assert_eq!(c["readinessProbe"]["httpGet"]["path"], "/readyz");
    for probe in ["startupProbe", "livenessProbe", "readinessProbe"] {
        assert_eq!(c[probe]["httpGet"]["port"], "admin", "{probe}");
    }
    assert!(c["resources"]["limits"]["memory"].is_string());
    assert!(c["resources"]["requests"]["cpu"].is_string());
    // The ConfigMap the pod mounts is the one rendered, and its gateway.yaml agrees.
    let cm_name = pod["volumes"]
        .as_array()
        .and_then(|vs| vs.iter().find(|v| v["name"] == "config"))
        .map(|v| v["configMap"]["name"].clone())
        .expect("config volume");
    let cm = docs
        .iter()
        .find(|d| d["kind"] == "ConfigMap" && d["metadata"]["name"] == cm_name)
        .expect("mounted ConfigMap rendered");
    let gw = yaml_docs(cm["data"]["gateway.yaml"].as_str().expect("gateway.yaml"));
    let gw = &gw[0];
    assert_eq!(
        gw["admin"]["address"].as_str(),
        Some(format!("0.0.0.0:{admin_port}").as_str())
    );
    let grace = gw["server"]["grace_period_seconds"]
        .as_u64()
        .expect("grace");
    let drain = gw["server"]["graceful_shutdown_timeout_seconds"]
        .as_u64()
        .expect("timeout");
    let pre_stop = c["lifecycle"]["preStop"]["sleep"]["seconds"]
        .as_u64()
        .expect("preStop sleep");
    let termination = pod["terminationGracePeriodSeconds"].as_u64().expect("tgps");
    assert!(
        termination > pre_stop + grace + drain,
        "terminationGracePeriodSeconds {termination} must exceed preStop {pre_stop} + grace {grace} + shutdown {drain}"
    );
    // Fleet limits through Sentinel, sized for the autoscaler's floor.
    let pol = docs
        .iter()
        .find(|d| d["kind"] == "ConfigMap" && d["data"]["ratelimits.yaml"].is_string())
        .expect("policies ConfigMap");
    let rl = yaml_docs(pol["data"]["ratelimits.yaml"].as_str().unwrap_or_default());
    let redis = &rl[0]["rate_limits"]["redis"];
    assert_eq!(redis["deployment"], "sentinel");
    assert_eq!(
        redis["fleet_size"].as_u64(),
        find("HorizontalPodAutoscaler")["spec"]["minReplicas"].as_u64()
    );
    assert!(find("PodDisruptionBudget")["spec"]["maxUnavailable"].is_number());
    assert_eq!(
        find("NetworkPolicy")["spec"]["policyTypes"],
        serde_json::json!(["Ingress", "Egress"])
    );
}

/// The configuration the base ships (gateway.yaml, policies, specs) loads in `gateway check`
/// when laid out as the pod mounts it, with test certificates and keys in the Secrets' places.
/// Cluster DNS names do not resolve here: they are replaced by 127.0.0.1.
#[test]
fn kubernetes_config_passes_gateway_check() {
    let base = repo().join("deploy/kubernetes/base");
    let root = tempfile::tempdir().expect("tempdir");
    let r = root.path();
    for d in ["config", "policies", "openapi"] {
        std::fs::create_dir_all(r.join(d)).expect("mkdir");
        for e in std::fs::read_dir(base.join(d)).expect("read_dir") {
            let p = e.expect("entry").path();
            let t = std::fs::read_to_string(&p).expect("read");
            let t = regex_lite_replace_cluster_hosts(&t);
            std::fs::write(r.join(d).join(p.file_name().expect("name")), t).expect("write");
        }
    }
    let pki = Pki::new();
    for (dir, files) in [
        (
            "tls",
            &[("edge.crt", "tls.crt"), ("edge.key", "tls.key")][..],
        ),
        (
            "upstream-tls",
            &[
                ("ca.crt", "ca.crt"),
                ("client.crt", "client.crt"),
                ("client.key", "client.key"),
            ][..],
        ),
    ] {
        std::fs::create_dir_all(r.join(dir)).expect("mkdir");
        for (from, to) in files {
            std::fs::copy(pki.path(from), r.join(dir).join(to)).expect("copy");
        }
    }
    std::fs::create_dir_all(r.join("keys")).expect("mkdir");
    for k in ["assertion.key", "audit-ed25519.pem"] {
        let ed = openssl::pkey::PKey::generate_ed25519().expect("ed25519");
        std::fs::write(
            r.join("keys").join(k),
            ed.private_key_to_pem_pkcs8().expect("pem"),
        )
        .expect("write");
    }
    std::fs::create_dir_all(r.join("redis")).expect("mkdir");
    std::fs::write(r.join("redis/password"), "test-password\n").expect("write");
    let out = run(Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["check", "-c"])
        .arg(r.join("config/gateway.yaml")));
    assert!(out.status.success(), "gateway check:\n{}", text(&out));
    assert!(
        text(&out).contains("OK (2 routes, 1 upstreams, 1 listeners)"),
        "{}",
        text(&out)
    );
}

/// `host.ns.svc.cluster.local` → `127.0.0.1` (the names only resolve inside a cluster).
fn regex_lite_replace_cluster_hosts(t: &str) -> String {
    t.split_inclusive('\n')
        .map(|line| match line.find(".svc.cluster.local") {
            Some(end) => {
                let start = line[..end]
                    .rfind(|c: char| c == '"' || c == '/' || c == ' ')
                    .map(|i| i + 1)
                    .unwrap_or(0);
                format!(
                    "{}127.0.0.1{}",
                    &line[..start],
                    &line[end + ".svc.cluster.local".len()..]
                )
            }
            None => line.to_string(),
        })
        .collect()
}

/// The Prometheus scrape configuration, checked by promtool. Debian's Prometheus is built
/// without Kubernetes service discovery, so its `kubernetes_sd_configs` is replaced by a
/// static target for the check; everything else (relabelling, the alert rules it loads) is
/// checked as written.
#[test]
fn prometheus_scrape_config_passes_promtool() {
    let Some(promtool) = tool("promtool") else {
        return;
    };
    let src = repo().join("deploy/kubernetes/prometheus/scrape-gateway.yml");
    let t = std::fs::read_to_string(&src).expect("read");
    let sd = "    kubernetes_sd_configs:\n      - role: pod\n";
    assert!(t.contains(sd), "the scrape config uses pod discovery");
    let t = t.replace(
        sd,
        "    static_configs:\n      - targets: [\"127.0.0.1:9901\"]\n",
    );
    // Same directory, so the relative rule_files path resolves as in the original.
    let copy = src.with_file_name(format!(".scrape-check-{}.yml", std::process::id()));
    std::fs::write(&copy, t).expect("write");
    let out = run(Command::new(promtool).args(["check", "config"]).arg(&copy));
    let _ = std::fs::remove_file(&copy);
    assert!(out.status.success(), "promtool:\n{}", text(&out));
    assert!(
        text(&out).contains("SUCCESS: 1 rule files found"),
        "{}",
        text(&out)
    );
}

/// The unit as shipped, with ExecStart pointing at the built binary: `systemd-analyze verify`
/// is clean and the offline security exposure stays at most 2.0 (it was 1.4 when written).
#[test]
fn systemd_unit_verifies() {
    let Some(analyze) = tool("systemd-analyze") else {
        return;
    };
    let unit =
        std::fs::read_to_string(repo().join("deploy/systemd/gateway.service")).expect("unit");
    assert!(unit.contains("ExecStart=/usr/local/bin/gateway run --daemon"));
    // `systemctl reload` is the in-process reload (SIGHUP), nothing else.
    let reload: Vec<&str> = unit
        .lines()
        .filter(|l| l.starts_with("ExecReload="))
        .collect();
    assert_eq!(reload, ["ExecReload=/bin/kill -HUP $MAINPID"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let p = dir.path().join("gateway.service");
    std::fs::write(
        &p,
        unit.replace("/usr/local/bin/gateway", env!("CARGO_BIN_EXE_gateway")),
    )
    .expect("write");
    let out = run(Command::new(&analyze).arg("verify").arg(&p));
    let t = text(&out);
    assert!(
        out.status.success() && !t.contains("gateway.service:"),
        "systemd-analyze verify:\n{t}"
    );
    let out = run(Command::new(&analyze)
        .args(["security", "--offline=true", "--no-pager"])
        .arg(&p));
    let t = text(&out);
    let score: f64 = t
        .lines()
        .find_map(|l| {
            l.split("Overall exposure level for gateway.service:")
                .nth(1)
        })
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no exposure level in:\n{t}"));
    eprintln!("systemd-analyze security --offline=true: {score}");
    assert!(score <= 2.0, "exposure {score}:\n{t}");
}

// ---- the systemd recipe against the real binary ----------------------------------------------

/// Processes started through `--daemon` are not our children: they are killed by PID on drop.
struct Daemons(Vec<u32>);

impl Drop for Daemons {
    fn drop(&mut self) {
        for pid in &self.0 {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// Alive and not a zombie (a reparented process may wait for a reaper).
fn alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            s.rsplit_once(')')
                .and_then(|(_, rest)| rest.split_whitespace().next().map(|st| st != "Z"))
        })
        .unwrap_or(false)
}

fn read_pid(p: &Path) -> Option<u32> {
    std::fs::read_to_string(p).ok()?.trim().parse().ok()
}

/// `gateway run --daemon [extra] -c …`, as systemd's ExecStart/ExecReload run it: returns
/// its exit status and what it printed, within a bound.
fn daemon_cmd(cfg: &Path, pid: &Path, sock: &Path, log: &Path, extra: &[&str]) -> (bool, String) {
    let log_file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .expect("log");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["run", "--daemon"])
        .args(extra)
        .arg("-c")
        .arg(cfg)
        .arg("--pid-file")
        .arg(pid)
        .arg("--upgrade-socket")
        .arg(sock)
        .args(["--ready-timeout", "60s"])
        .env("GATEWAY_LOG", "info")
        .stdout(Stdio::null())
        .stderr(log_file)
        .spawn()
        .expect("spawn");
    let t0 = Instant::now();
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return (
                st.success(),
                std::fs::read_to_string(log).unwrap_or_default(),
            );
        }
        assert!(
            t0.elapsed() < Duration::from_secs(90),
            "gateway run --daemon did not return"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn wait_until(what: &str, limit: Duration, mut f: impl FnMut() -> bool) {
    let t0 = Instant::now();
    while !f() {
        assert!(t0.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

const RECIPE_SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: []
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
"#;

/// ExecStart, then `systemctl reload` (ExecReload: SIGHUP to $MAINPID, a new spec goes live in
/// the same process) and a binary upgrade (a new process with --upgrade, then SIGQUIT to the
/// old one), both while a client keeps sending; an upgrade with a broken configuration
/// (refused, the old process keeps serving), then `systemctl stop` (SIGTERM to the main PID).
#[test]
fn systemd_recipe_start_reload_stop() {
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", RECIPE_SPEC);
    let (dir, cfg, addr, admin, _) = b.write();
    let d = dir.path();
    let (pid_file, sock, log) = (d.join("gateway.pid"), d.join("upgrade.sock"), d.join("log"));
    let mut daemons = Daemons(Vec::new());

    // ExecStart: returns once the serving process has written the PID file.
    let (ok, out) = daemon_cmd(&cfg, &pid_file, &sock, &log, &[]);
    let first = read_pid(&pid_file);
    daemons.0.extend(first);
    assert!(ok, "start failed:\n{out}");
    let first = first.expect("pid file written");
    assert!(alive(first), "main process {first} is not running");
    let ca = pki.ca_pem().to_string();
    let get = |path: &str| {
        raw_tls(
            addr,
            &ca,
            format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
    };
    wait_until(
        "the first process to serve",
        Duration::from_secs(30),
        || get("/orders").is_ok_and(|r| r.status == 200),
    );

    // ExecReload while a client keeps sending: no request may fail.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let client = {
        let (stop, ca) = (stop.clone(), ca.clone());
        std::thread::spawn(move || {
            let (mut ok, mut failed) = (0u32, Vec::new());
            let t0 = Instant::now();
            while !stop.load(std::sync::atomic::Ordering::Relaxed)
                && t0.elapsed() < Duration::from_secs(60)
            {
                match raw_tls(
                    addr,
                    &ca,
                    b"GET /orders HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
                ) {
                    Ok(r) if r.status == 200 => ok += 1,
                    Ok(r) => failed.push(format!("status {}", r.status)),
                    Err(e) => failed.push(e),
                }
            }
            (ok, failed)
        })
    };
    // ExecReload: kill -HUP $MAINPID. A new spec goes live in the same process.
    std::fs::write(
        d.join("openapi/more.yaml"),
        RECIPE_SPEC.replace("/orders:", "/more:"),
    )
    .expect("write");
    let hup = Command::new("kill")
        .args(["-HUP", &first.to_string()])
        .status()
        .expect("kill");
    assert!(hup.success());
    wait_until(
        "the reloaded spec to serve",
        Duration::from_secs(15),
        || get("/more").is_ok_and(|r| r.status == 200),
    );
    assert!(alive(first));
    assert_eq!(
        read_pid(&pid_file),
        Some(first),
        "a reload keeps the process"
    );

    // A binary upgrade (docs/deploy.md): a new process with --upgrade, then SIGQUIT.
    let (ok, out) = daemon_cmd(&cfg, &pid_file, &sock, &log, &["--upgrade"]);
    let second = read_pid(&pid_file);
    daemons.0.extend(second);
    assert!(ok, "reload (upgrade start) failed:\n{out}");
    let second = second.expect("pid file");
    assert_ne!(second, first, "the PID file names the new process");
    assert!(alive(first), "the old process serves until it gets SIGQUIT");
    // The upgrade's second step: kill -QUIT to the old main process.
    let quit = Command::new("kill")
        .args(["-QUIT", &first.to_string()])
        .status()
        .expect("kill");
    assert!(quit.success());
    // The old process hands its sockets over, drains (grace 1 s + 1 s) and exits.
    wait_until("the old process to exit", Duration::from_secs(20), || {
        !alive(first)
    });
    assert!(alive(second));
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let (served, failed) = client.join().expect("client");
    eprintln!("during the reload and the upgrade: {served} served, failed: {failed:?}");
    // No error answer, ever. Pingora closes, without an answer, a connection that the old
    // process accepted but whose request had not arrived when its grace period ended
    // (nothing was processed; the client may retry): with one sequential client, at most
    // one such connection can be pending then (seen in about half the runs here).
    assert!(
        failed.len() <= 1 && failed.iter().all(|e| e.contains("no header end in \"\"")),
        "{} of {} requests failed during the reload: {:?}\n{}",
        failed.len(),
        served as usize + failed.len(),
        &failed[..failed.len().min(5)],
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    assert!(served > 10, "requests kept flowing ({served})");
    assert_eq!(get("/orders").map(|r| r.status).ok(), Some(200));

    // An upgrade with a broken configuration fails before anything is signalled: the PID
    // file and the serving process stay.
    let good = std::fs::read_to_string(&cfg).expect("read");
    std::fs::write(&cfg, format!("{good}no_such_key: 1\n")).expect("write");
    let (ok, out) = daemon_cmd(&cfg, &pid_file, &sock, &log, &["--upgrade"]);
    assert!(
        !ok,
        "a reload with a broken configuration must fail:\n{out}"
    );
    assert!(
        out.contains("no_such_key"),
        "the error names the key:\n{out}"
    );
    assert_eq!(read_pid(&pid_file), Some(second));
    assert!(alive(second));
    assert_eq!(get("/orders").map(|r| r.status).ok(), Some(200));
    std::fs::write(&cfg, good).expect("write");

    // Admin endpoint through the container's shell-less probe.
    let probe = |url: &str| {
        Command::new(env!("CARGO_BIN_EXE_gateway"))
            .args(["probe", "--url", url, "--timeout", "2s"])
            .output()
            .expect("probe")
    };
    assert!(probe(&format!("http://{admin}/healthz")).status.success());
    let missing = probe(&format!("http://{admin}/no-such-endpoint"));
    assert!(!missing.status.success());
    assert!(text(&missing).contains("status 404"), "{}", text(&missing));

    // systemctl stop: SIGTERM, graceful, within grace + shutdown timeout (1 s + 1 s here).
    let term = Command::new("kill")
        .args(["-TERM", &second.to_string()])
        .status()
        .expect("kill");
    assert!(term.success());
    let t0 = Instant::now();
    wait_until("the gateway to stop", Duration::from_secs(15), || {
        !alive(second)
    });
    eprintln!("stopped {:?} after SIGTERM", t0.elapsed());
    // Nothing listens any more: the probe fails.
    assert!(!probe(&format!("http://{admin}/healthz")).status.success());
}

/// `gateway run --daemon` whose serving process cannot start (a port already taken by
/// something else is not it: a configuration error is) exits 1 and writes no PID file.
#[test]
fn daemon_start_with_a_bad_configuration_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("gateway.yaml");
    std::fs::write(
        &cfg,
        "listeners: []\nadmin: {address: \"127.0.0.1:1\"}\nbogus: 1\n",
    )
    .expect("write");
    let pid = dir.path().join("gateway.pid");
    let (ok, out) = daemon_cmd(
        &cfg,
        &pid,
        &dir.path().join("upgrade.sock"),
        &dir.path().join("log"),
        &[],
    );
    assert!(!ok, "{out}");
    assert!(
        out.contains("the serving process stopped before it was up"),
        "{out}"
    );
    assert!(!pid.exists());
}

// ---- what the gateway enforces: `gateway routes` and the status page -------------------------

/// `gateway routes` prints the table of what each route enforces, as text and as JSON.
#[test]
fn routes_command_prints_what_each_route_enforces() {
    let pki = Pki::new();
    let b = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new(
            "orders",
            "127.0.0.1:9".parse().expect("addr"),
            "orders.internal",
        ))
        .spec("orders.yaml", STATUS_SPEC)
        .policy("limits.yaml", STATUS_LIMITS);
    let (_dir, cfg, ..) = b.write();
    let out = run(Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["routes", "--json", "-c"])
        .arg(&cfg));
    assert!(out.status.success(), "{}", text(&out));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let find = |m: &str, p: &str| {
        rows.as_array()
            .and_then(|a| a.iter().find(|r| r["method"] == m && r["path"] == p))
            .unwrap_or_else(|| panic!("no {m} {p} in {rows}"))
            .clone()
    };
    let list = find("GET", "/orders");
    assert_eq!(list["auth"], "oauth[read:orders]");
    assert_eq!(list["upstream"], "orders");
    assert_eq!(list["validation"], "block");
    assert_eq!(
        list["limits"],
        serde_json::json!(["per-ip (ip, 60/60s burst 10, async)"])
    );
    let create = find("POST", "/orders");
    assert_eq!(create["auth"], "oauth[write:orders]");
    assert_eq!(create["body"], true);
    assert_eq!(
        create["limits"],
        serde_json::json!([
            "order-create (client, 5/1s burst 5, strict)",
            "per-ip (ip, 60/60s burst 10, async)"
        ])
    );
    assert_eq!(find("GET", "/orders/summary")["auth"], "public");
    let text_out = run(Command::new(env!("CARGO_BIN_EXE_gateway"))
        .args(["routes", "-c"])
        .arg(&cfg));
    let t = String::from_utf8_lossy(&text_out.stdout).to_string();
    assert!(text_out.status.success());
    assert!(t.starts_with("SERVICE"), "{t}");
    assert!(
        t.lines().any(|l| l.contains("POST")
            && l.contains("/orders")
            && l.contains("oauth[write:orders]")
            && l.ends_with("block, body")),
        "{t}"
    );
    assert!(
        t.contains("    limit: order-create (client, 5/1s burst 5, strict)"),
        "{t}"
    );
}

const STATUS_SPEC: &str = r#"openapi: 3.0.3
info: {title: Orders, version: "1"}
x-gateway: {upstream: orders}
security: [{oauth: [read:orders]}]
paths:
  /orders:
    get: {responses: {"200": {description: ok}}}
    post:
      security: [{oauth: [write:orders]}]
      requestBody: {content: {application/json: {schema: {type: object}}}}
      responses: {"201": {description: ok}}
  /orders/summary:
    get: {security: [], responses: {"200": {description: ok}}}
components:
  securitySchemes:
    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: "https://idp.test/token", scopes: {read:orders: r, write:orders: w}}}}
"#;

const STATUS_LIMITS: &str = r#"rate_limits:
  limits:
    per-ip: {key: ip, per_minute: 60, burst: 10}
    order-create: {key: client, routes: [{method: POST, path: /orders}], per_second: 5, burst: 5, mode: strict}
"#;

/// The admin listener's status page, rendered by headless Chromium: the routes with their
/// scopes and limits (one of them added by a reload), the configuration generation, upstream
/// health, a denial counted by reason, and no request for any external asset. Writes a
/// screenshot (GATEWAY_STATUS_SCREENSHOT names where to keep it).
#[test]
fn status_page_renders_in_headless_chromium() {
    let Some(chromium) = tool("chromium") else {
        return;
    };
    let pki = Pki::new();
    let up = pki.upstream("orders.internal");
    let gw = GatewayBuilder::new(&pki)
        .upstream(UpstreamDecl::new("orders", up.addr, "orders.internal"))
        .spec("orders.yaml", STATUS_SPEC)
        .policy("limits.yaml", STATUS_LIMITS)
        .start();
    // One denial to count: no token on a protected route.
    assert_eq!(gw.get("/orders").status, 401);
    // A route added by a reload.
    let reports = "openapi: 3.0.3\ninfo: {title: Reports, version: \"1\"}\nx-gateway: {upstream: orders}\nsecurity: []\npaths:\n  /reports/daily:\n    get: {responses: {\"200\": {description: ok}}}\n";
    let page = |gw: &GatewayProc| {
        http_plain(
            gw.admin,
            "GET /status HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
        )
        .expect("status")
        .text()
    };
    assert!(!page(&gw).contains("/reports/daily"));
    std::fs::write(gw.dir.path().join("openapi/reports.yaml"), reports).expect("write");
    let r = http_plain(
        gw.admin,
        "POST /reload HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
    )
    .expect("reload");
    assert_eq!(r.status, 200, "{}", r.text());
    let url = format!("http://{}/status", gw.admin);
    let raw = http_plain(
        gw.admin,
        "GET /status HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
    )
    .expect("status");
    assert_eq!(raw.status, 200);
    assert!(raw
        .header("content-security-policy")
        .is_some_and(|c| c.starts_with("default-src 'none'")));
    let html = raw.text();
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"));
    let dir = tempfile::tempdir().expect("tempdir");
    let shot = std::env::var_os("GATEWAY_STATUS_SCREENSHOT")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().join("status.png"));
    let chrome = |extra: &[&str]| {
        let profile = tempfile::tempdir().expect("profile");
        let mut c = Command::new(&chromium);
        c.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1400,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(&url);
        let out = bounded_output(&mut c, Duration::from_secs(90));
        drop(profile);
        out
    };
    let dom = chrome(&["--dump-dom"]);
    let d = String::from_utf8_lossy(&dom.stdout);
    for want in [
        "gateway status",
        "/orders/summary",
        "oauth[write:orders]",
        "order-create (client, 5/1s burst 5, strict)",
        "1 / 1",
        "invalid-token",
        "/reports/daily",
        "generation <code id=\"generation\">2</code>",
        "last reload: generation 2 loaded, by admin",
    ] {
        assert!(d.contains(want), "{want:?} not rendered:\n{d}");
    }
    let shot_arg = format!("--screenshot={}", shot.display());
    let out = chrome(&[&shot_arg]);
    let png = std::fs::read(&shot).unwrap_or_default();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "no screenshot:\n{}",
        text(&out)
    );
}

/// Run with a deadline; kill the process past it.
fn bounded_output(c: &mut Command, limit: Duration) -> Output {
    let mut child = c
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let t0 = Instant::now();
    loop {
        if child.try_wait().expect("try_wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        if t0.elapsed() > limit {
            let _ = child.kill();
            panic!("{c:?} did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

//! The curriculum end to end: the real binary syncs the real projects-catalog on its
//! first start, and students read cursus and projects over HTTP, in their language,
//! without ever seeing a hidden test, a harness or a reference solution.

mod support;

use qadam_catalog::Catalog;
use qadam_grader::Visibility;
use std::path::{Path, PathBuf};
use support::{copy_dir, Server};

fn catalog_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects-catalog")
}

/// A server that synced the real catalog, and a student's token.
fn start(backend: qadam_testkit::TestBackend) -> (Server, String) {
    let dir = catalog_dir();
    let server = Server::start_with(backend, &[("QADAM_CATALOG_DIR", dir.to_str().unwrap())]);
    let admin = server.admin_token();
    server.campus(&admin, "almaty");
    let student = server.account(&admin, "aruzhan", "student", "almaty");
    (server, student)
}

server_tests! {
    fn cursus_and_projects_are_served_after_the_first_start(backend) {
        let (server, student) = start(backend);
        server.log_containing("synced the catalog on first start");

        let cursus = server.get("/api/v1/cursus", &student);
        assert_eq!(cursus.status, 200, "{cursus:?}");
        let piscine = cursus.body.as_array().unwrap().iter()
            .find(|c| c["slug"] == "c-piscine").expect("the C piscine");
        assert_eq!(piscine["stages"][0]["name"], "Shell 00");
        assert_eq!(piscine["stages"][3]["name"], "C 01");
        assert_eq!(piscine["stages"][3]["projects"][5]["slug"], "ft-strlen");
        assert_eq!(server.get("/api/v1/cursus/python", &student).body["stages"][0]["projects"][0]["slug"], "py-fizzbuzz");

        let in_piscine = server.get("/api/v1/projects?cursus=c-piscine&per_page=200", &student);
        assert_eq!(in_piscine.status, 200, "{in_piscine:?}");
        assert!(in_piscine.body["total"].as_i64().unwrap() >= 27, "{in_piscine:?}");
        let exams = server.get("/api/v1/projects?kind=exam", &student);
        let exam_slugs: Vec<&str> = exams.body["items"].as_array().unwrap().iter()
            .map(|e| e["slug"].as_str().unwrap()).collect();
        assert!(exam_slugs.contains(&"exam-00"), "{exams:?}");
        assert!(exams.body["items"].as_array().unwrap().iter().all(|e| e["kind"] == "exam"));
        let teams = server.get("/api/v1/projects?kind=project", &student);
        let bsq = &teams.body["items"][0];
        assert_eq!(bsq["slug"], "bsq");
        assert_eq!(bsq["team"]["min"], 2);
        assert_eq!(bsq["team"]["max"], 4);

        let strlen = server.get("/api/v1/projects/ft-strlen", &student);
        assert_eq!(strlen.status, 200, "{strlen:?}");
        assert_eq!(strlen.body["version"], 1);
        assert_eq!(strlen.body["definition"]["grader"]["allowed_functions"], serde_json::json!([]));
        assert!(strlen.body["definition"]["grader"]["hidden_tests"].as_u64().unwrap() > 0);
        let sheet = server.get("/api/v1/projects/bsq", &student).body["definition"]["sheet"].clone();
        assert!(sheet["sections"].as_array().unwrap().len() >= 3, "{sheet}");
        assert!(sheet["flags"].as_array().unwrap().iter().any(|f| f == "cheat"));
    }

    fn subjects_come_in_the_asked_language_with_a_fallback(backend) {
        let (server, student) = start(backend);
        let russian = server.get("/api/v1/projects/ft-strlen?lang=ru", &student);
        assert_eq!(russian.body["language"], "ru", "{russian:?}");
        assert_eq!(russian.body["languages"], serde_json::json!(["en", "fr", "kk", "ru"]));
        let expected = std::fs::read_to_string(catalog_dir().join("c-piscine/ft-strlen/subject.ru.md")).unwrap();
        assert_eq!(russian.body["subject"], expected.as_str());

        let kazakh = server.get_with_header("/api/v1/projects/ft-strlen", &student, ("Accept-Language", "kk-KZ, ru;q=0.8"));
        assert_eq!(kazakh.body["language"], "kk", "{kazakh:?}");
        // ?lang= wins over the header; an unknown language falls back to the default.
        let french = server.get_with_header("/api/v1/projects/ft-strlen?lang=fr", &student, ("Accept-Language", "kk"));
        assert_eq!(french.body["language"], "fr");
        let german = server.get("/api/v1/projects/ft-strlen?lang=de", &student);
        assert_eq!(german.body["language"], "en");
        // A language the subject is not written in falls back to the project's default.
        let untranslated = server.get("/api/v1/projects/py-roman?lang=de", &student);
        assert_eq!(untranslated.body["language"], "en");
        assert_eq!(untranslated.body["languages"], serde_json::json!(["en", "fr", "kk", "ru"]));
    }

    fn cursus_stage_and_project_names_come_in_the_asked_language(backend) {
        let (server, student) = start(backend);
        let english = server.get("/api/v1/cursus/c-piscine", &student);
        assert_eq!((english.body["language"].as_str(), english.body["name"].as_str()), (Some("en"), Some("C Piscine")), "{english:?}");
        assert_eq!(english.body["languages"], serde_json::json!(["en", "fr", "kk", "ru"]));
        let russian = server.get("/api/v1/cursus/c-piscine?lang=ru", &student);
        assert_eq!(russian.body["language"], "ru");
        assert_eq!(russian.body["name"], "Бассейн по C");
        let stages: Vec<&str> = russian.body["stages"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        assert!(stages.contains(&"Экзамен 00") && stages.contains(&"C 00"), "{stages:?}");
        let listed = server.get_with_header("/api/v1/cursus", &student, ("Accept-Language", "fr"));
        assert!(listed.body.as_array().unwrap().iter().all(|c| c["language"] == "fr"), "{listed:?}");
        assert_eq!(listed.header("vary"), Some("Accept-Language"));
        let unknown = server.get("/api/v1/cursus/c-piscine?lang=de", &student);
        assert_eq!(unknown.body["name"], "C Piscine", "an untranslated language falls back");
    }

    fn project_names_follow_the_asked_language_where_they_are_translated(backend) {
        let catalog = std::env::temp_dir().join(format!("qadam-names-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&catalog);
        copy_dir(&catalog_dir(), &catalog);
        let file = catalog.join("c-piscine/ft-strlen/project.toml");
        let text = std::fs::read_to_string(&file).unwrap();
        let named = text.replacen("ru = \"ft_strlen\"", "ru = \"Длина строки\"", 1);
        assert_ne!(named, text, "ft-strlen has a Russian name to change");
        std::fs::write(&file, named).unwrap();
        let server = Server::start_with(backend, &[("QADAM_CATALOG_DIR", catalog.to_str().unwrap())]);
        let admin = server.admin_token();
        server.campus(&admin, "almaty");
        let student = server.account(&admin, "aruzhan", "student", "almaty");
        let name_in = |query: &str, header: Option<&str>| {
            let path = format!("/api/v1/projects?cursus=c-piscine&per_page=200{query}");
            let listed = match header {
                Some(language) => server.get_with_header(&path, &student, ("Accept-Language", language)),
                None => server.get(&path, &student),
            };
            let items = listed.body["items"].as_array().unwrap().clone();
            items.into_iter().find(|p| p["slug"] == "ft-strlen").unwrap()["name"].as_str().unwrap().to_string()
        };
        assert_eq!(name_in("&lang=ru", None), "Длина строки");
        assert_eq!(name_in("", Some("ru-RU")), "Длина строки");
        assert_eq!(name_in("&lang=fr", None), "ft_strlen", "untranslated: the project's own name");
        let _ = std::fs::remove_dir_all(&catalog);
    }

    fn hidden_tests_harnesses_and_solutions_never_leave_the_server(backend) {
        let (server, student) = start(backend);
        let catalog = Catalog::load(&catalog_dir(), None).expect("the bundled catalog is valid");
        let mut checked = 0;
        for project in &catalog.projects {
            let response = server.get(&format!("/api/v1/projects/{}", project.slug()), &student);
            assert_eq!(response.status, 200, "{}: {response:?}", project.slug());
            let body = response.body.to_string();
            let Some(material) = project.grading_material() else { continue };
            // What the author chose to publish: visible tests and the subjects' examples.
            let mut public: Vec<&str> = material.spec.tests.iter()
                .filter(|t| t.visibility == Visibility::Visible)
                .filter_map(|t| t.expected_stdout.as_deref())
                .collect();
            public.extend(project.subjects.values().map(String::as_str));
            for test in &material.spec.tests {
                let expected = test.expected_stdout.as_deref().unwrap();
                let secret = serde_json::to_string(expected).unwrap();
                if test.visibility == Visibility::Hidden && expected.len() >= 12 && !public.iter().any(|v| v.contains(expected)) {
                    assert!(!body.contains(secret.trim_matches('"')), "{}: hidden test {} leaked", project.slug(), test.name);
                    checked += 1;
                }
            }
            // A harness file the subject hands out too (a given header) is public.
            for text in material.files.values().filter(|t| t.len() > 40 && !public.iter().any(|p| p.contains(&t[..40]))) {
                let quoted = serde_json::to_string(&text[..40]).unwrap();
                assert!(!body.contains(quoted.trim_matches('"')), "{}: a harness file leaked", project.slug());
            }
        }
        assert!(checked > 50, "only {checked} hidden expectations were checked");
    }

    fn curriculum_answers_revalidate_with_etags_until_a_new_version(backend) {
        let (server, student) = start(backend);
        let path = "/api/v1/projects/ft-strlen?lang=en";
        let first = server.get(path, &student);
        assert_eq!(first.status, 200, "{first:?}");
        let etag = first.header("etag").expect("an ETag").to_string();
        assert!(etag.starts_with('"') && etag.ends_with('"'), "a strong tag: {etag}");
        assert_eq!(first.header("cache-control"), Some("private, no-cache"));
        assert_eq!(first.header("vary"), Some("Accept-Language"));

        let again = server.get_with_header(path, &student, ("If-None-Match", &etag));
        assert_eq!(again.status, 304, "{again:?}");
        assert_eq!(again.body, serde_json::Value::Null, "a 304 has no body");
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        assert_eq!(again.header("cache-control"), Some("private, no-cache"));
        let weak = server.get_with_header(path, &student, ("If-None-Match", &format!("\"x\", W/{etag}")));
        assert_eq!(weak.status, 304, "{weak:?}");
        // Another language is another representation, with its own tag.
        let french = server.get_with_header("/api/v1/projects/ft-strlen?lang=fr", &student, ("If-None-Match", &etag));
        assert_eq!((french.status, french.body["language"].as_str()), (200, Some("fr")), "{french:?}");
        assert_ne!(french.header("etag"), Some(etag.as_str()));
        // The tag never lets a request past authentication.
        let anonymous = ureq::get(&server.url(path)).set("If-None-Match", &etag).call();
        assert!(matches!(anonymous, Err(ureq::Error::Status(401, _))));

        for list in ["/api/v1/cursus", "/api/v1/cursus/c-piscine"] {
            let answer = server.get(list, &student);
            let tag = answer.header("etag").unwrap_or_else(|| panic!("{list}: no ETag")).to_string();
            assert_eq!(answer.header("cache-control"), Some("private, no-cache"));
            let revalidated = server.get_with_header(list, &student, ("If-None-Match", &tag));
            assert_eq!(revalidated.status, 304, "{list}: {revalidated:?}");
        }
        let cursus_tag = server.get("/api/v1/cursus", &student).header("etag").unwrap().to_string();

        // A changed subject syncs as version 2: the old tag no longer matches, and the
        // project list shows the new version (its summary is not the cached one's).
        let changed = server.db.scratch_dir().join("catalog");
        copy_dir(&catalog_dir(), &changed);
        let subject = changed.join("c-piscine/ft-strlen/subject.en.md");
        let text = std::fs::read_to_string(&subject).unwrap();
        std::fs::write(&subject, format!("{text}\nOne more line.\n")).unwrap();
        let project_toml = changed.join("c-piscine/ft-strlen/project.toml");
        let toml = std::fs::read_to_string(&project_toml).unwrap();
        let summary = toml.lines().find(|l| l.starts_with("summary")).expect("a summary line");
        std::fs::write(&project_toml, toml.replace(summary, "summary = \"Count the characters, again.\"")).unwrap();
        let synced = server.command(&["catalog", "sync", changed.to_str().unwrap()]);
        assert!(synced.status.success(), "{}", String::from_utf8_lossy(&synced.stderr));

        // The sync ran in another process: this server learns of it within a second
        // (its next read of the catalog's generation), and answers from memory until.
        let asked = std::time::Instant::now();
        let after = loop {
            let after = server.get_with_header(path, &student, ("If-None-Match", &etag));
            if after.status != 304 || asked.elapsed() > std::time::Duration::from_secs(10) {
                break after;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        assert_eq!(after.status, 200, "{after:?}");
        assert_eq!(after.body["version"], 2);
        assert!(after.body["subject"].as_str().unwrap().ends_with("One more line.\n"));
        assert_ne!(after.header("etag"), Some(etag.as_str()));
        let listed = server.get("/api/v1/projects?per_page=200", &student);
        let strlen = listed.body["items"].as_array().unwrap().iter()
            .find(|p| p["slug"] == "ft-strlen").expect("ft-strlen listed");
        assert_eq!((strlen["version"].as_i64(), strlen["summary"].as_str()), (Some(2), Some("Count the characters, again.")), "{strlen}");
        // The piscine's stages are unchanged, so its tag still matches.
        let cursus = server.get_with_header("/api/v1/cursus", &student, ("If-None-Match", &cursus_tag));
        assert_eq!(cursus.status, 304, "{cursus:?}");
    }

    fn the_curriculum_needs_a_login_and_reports_bad_filters(backend) {
        let (server, student) = start(backend);
        assert_eq!(server.call("GET", "/api/v1/projects", None, None).status, 401);
        assert_eq!(server.call("GET", "/api/v1/cursus", None, None).status, 401);
        let missing = server.get("/api/v1/projects/no-such-project", &student);
        assert_eq!((missing.status, missing.code()), (404, "not_found"));
        let kind = server.get("/api/v1/projects?kind=homework", &student);
        assert_eq!((kind.status, kind.code()), (422, "invalid_request"));
        let cursus = server.get("/api/v1/projects?cursus=no-such-cursus", &student);
        assert_eq!(cursus.status, 404);
        let unknown = server.get("/api/v1/projects?colour=blue", &student);
        assert_eq!((unknown.status, unknown.code()), (422, "invalid_request"), "{unknown:?}");
    }
}

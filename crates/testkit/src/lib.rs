//! A fresh, real database per test, on either backend. SQLite gets a file in a new
//! temporary directory; PostgreSQL gets a new database on the server named by
//! `QADAM_TEST_POSTGRES_URL` (which `scripts/test` starts and sets). Both are removed
//! when the value is dropped.

use diesel::pg::PgConnection;
use diesel::{Connection, RunQueryDsl};
use std::path::PathBuf;

pub const POSTGRES_URL_VAR: &str = "QADAM_TEST_POSTGRES_URL";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

pub struct TestDatabase {
    pub url: String,
    pub backend: TestBackend,
    /// SQLite: the temporary directory; PostgreSQL: the admin URL and database name.
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(PathBuf),
    PostgresDatabase {
        admin_url: String,
        name: String,
    },
    /// A second handle on a database that another value removes.
    Nothing,
}

impl TestDatabase {
    pub fn fresh(backend: TestBackend) -> TestDatabase {
        let unique = uuid::Uuid::new_v4().simple().to_string();
        match backend {
            TestBackend::Sqlite => {
                let dir = std::env::temp_dir().join(format!("qadam-test-{unique}"));
                std::fs::create_dir_all(&dir).expect("create a temporary directory");
                TestDatabase {
                    url: format!("sqlite://{}", dir.join("qadam.sqlite3").display()),
                    backend,
                    cleanup: Cleanup::Directory(dir),
                }
            }
            TestBackend::Postgres => {
                let admin_url = std::env::var(POSTGRES_URL_VAR).unwrap_or_else(|_| {
                    panic!(
                        "{POSTGRES_URL_VAR} is not set: the PostgreSQL half of the suite needs a \
                         server. Run the tests with scripts/test, which starts one."
                    )
                });
                let name = format!("qadam_test_{unique}");
                let mut admin = PgConnection::establish(&admin_url)
                    .unwrap_or_else(|err| panic!("connect to {POSTGRES_URL_VAR}: {err}"));
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .expect("create a test database");
                let url = replace_database(&admin_url, &name);
                TestDatabase {
                    url,
                    backend,
                    cleanup: Cleanup::PostgresDatabase { admin_url, name },
                }
            }
        }
    }

    /// Another handle on the same database, for a second process; the database goes
    /// when the original is dropped.
    pub fn shared(&self) -> TestDatabase {
        TestDatabase {
            url: self.url.clone(),
            backend: self.backend,
            cleanup: Cleanup::Nothing,
        }
    }

    /// Runs one SQL statement on the database, as an operator (or an attacker with
    /// the file) could; returns the number of rows it changed.
    pub fn execute(&self, sql: &str) -> usize {
        let result = match self.backend {
            TestBackend::Sqlite => {
                let path = self.url.trim_start_matches("sqlite://");
                diesel::sql_query(sql).execute(
                    &mut diesel::SqliteConnection::establish(path).expect("open the SQLite file"),
                )
            }
            TestBackend::Postgres => diesel::sql_query(sql)
                .execute(&mut PgConnection::establish(&self.url).expect("connect to PostgreSQL")),
        };
        result.unwrap_or_else(|err| panic!("{sql}: {err}"))
    }

    /// The directory a test may use for other files (SQLite: beside the database).
    pub fn scratch_dir(&self) -> PathBuf {
        match &self.cleanup {
            Cleanup::Directory(dir) => dir.clone(),
            Cleanup::PostgresDatabase { name, .. } => {
                let dir = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&dir).expect("create a scratch directory");
                dir
            }
            Cleanup::Nothing => panic!("ask the original TestDatabase for its scratch directory"),
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::PostgresDatabase { admin_url, name } => {
                let _ = std::fs::remove_dir_all(std::env::temp_dir().join(name));
                if let Ok(mut admin) = PgConnection::establish(admin_url) {
                    let _ =
                        diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                            .execute(&mut admin);
                }
            }
            Cleanup::Nothing => {}
        }
    }
}

/// `postgres://u:p@h:5432/postgres` with its database replaced by `name`.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    match base[scheme_end..].find('/') {
        Some(slash) => format!("{}/{name}{query}", &base[..scheme_end + slash]),
        None => format!("{base}/{name}{query}"),
    }
}

/// Declares each test once and runs it on both backends:
/// `both_backends! { fn name(db: TestDatabase) { ... } }` makes `sqlite::name` and
/// `postgres::name`.
#[macro_export]
macro_rules! both_backends {
    ($(fn $name:ident($db:ident) $body:block)*) => {
        mod sqlite {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $name() {
                    let $db = $crate::TestDatabase::fresh($crate::TestBackend::Sqlite);
                    super::$name($db)
                }
            )*
        }
        mod postgres {
            #[allow(unused_imports)]
            use super::*;
            $(
                #[test]
                fn $name() {
                    let $db = $crate::TestDatabase::fresh($crate::TestBackend::Postgres);
                    super::$name($db)
                }
            )*
        }
        $(
            fn $name($db: $crate::TestDatabase) $body
        )*
    };
}

/// A `.tar.gz` of plain files, as a student's upload would be.
pub fn tar_gz(files: &[(&str, &[u8])]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut builder = tar::Builder::new(gz);
    for (path, data) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(data.len() as u64);
        header.set_mode(0o644);
        builder
            .append_data(&mut header, path, *data)
            .expect("a file goes into the archive");
    }
    builder
        .into_inner()
        .and_then(|gz| gz.finish())
        .expect("the archive is written")
}

#[cfg(test)]
mod tests {
    use super::replace_database;

    #[test]
    fn replaces_the_database_part_only() {
        assert_eq!(
            replace_database("postgres://u:p@h:5432/postgres", "x"),
            "postgres://u:p@h:5432/x"
        );
        assert_eq!(
            replace_database("postgres://u@h/postgres?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
        assert_eq!(replace_database("postgres://h", "x"), "postgres://h/x");
    }
}

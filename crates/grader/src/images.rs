//! Building the grader images in `grader-images/`: one folder per image, each an
//! ordinary Dockerfile built with `grader-images/` as context (so the shared `runner/`
//! is reachable). A tag carries a hash of the folder and the runner, so an unchanged
//! image is never rebuilt. Without a registry, the base is made from the machine's
//! Debian mirror with mmdebstrap and `docker import`.

use sha2::{Digest, Sha256};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub const OFFLINE_BASE: &str = "qadam-base:bookworm";
const REGISTRY_BASE: &str = "debian:bookworm-slim";
const SHARED_DIR: &str = "runner";
/// Python packages an image pins in `wheels.txt` are downloaded here by the host.
const WHEELS_DIR: &str = "wheels";

#[derive(Debug, thiserror::Error)]
pub enum ImageError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no image folder {0} (a folder with a Dockerfile under grader-images/)")]
    Unknown(String),
    #[error("{0}")]
    Command(String),
}

/// The image folders (those with a Dockerfile), sorted.
pub fn image_names(root: &Path) -> Result<Vec<String>, ImageError> {
    let io = |source| ImageError::Io {
        path: root.to_path_buf(),
        source,
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(root).map_err(io)? {
        let entry = entry.map_err(io)?;
        if entry.path().join("Dockerfile").is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    names.sort();
    Ok(names)
}

fn hash_tree(hasher: &mut Sha256, root: &Path, dir: &Path) -> Result<(), ImageError> {
    let io = |source| ImageError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() && entry.file_name() == WHEELS_DIR {
            // Downloaded from wheels.txt, which is hashed instead.
            continue;
        }
        if path.is_dir() {
            hash_tree(hasher, root, &path)?;
        } else {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            hasher.update(relative.to_string_lossy().as_bytes());
            hasher.update([0]);
            hasher.update(fs::read(&path).map_err(|source| ImageError::Io {
                path: path.clone(),
                source,
            })?);
            hasher.update([0]);
        }
    }
    Ok(())
}

/// `qadam-grader-NAME:HASH`, the hash covering the image folder and the shared runner.
pub fn image_tag(root: &Path, name: &str) -> Result<String, ImageError> {
    let folder = root.join(name);
    if !folder.join("Dockerfile").is_file() {
        return Err(ImageError::Unknown(name.to_string()));
    }
    let mut hasher = Sha256::new();
    hash_tree(&mut hasher, root, &folder)?;
    hash_tree(&mut hasher, root, &root.join(SHARED_DIR))?;
    let digest = hasher.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(format!("qadam-grader-{name}:{hex}"))
}

fn image_exists(tag: &str) -> bool {
    Command::new("docker")
        .args(["image", "inspect", tag])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

fn run(command: &mut Command, what: &str) -> Result<(), ImageError> {
    let status = command
        .status()
        .map_err(|err| ImageError::Command(format!("{what}: cannot start: {err}")))?;
    if status.success() {
        Ok(())
    } else {
        Err(ImageError::Command(format!("{what} failed ({status})")))
    }
}

/// The first Debian mirror in the machine's apt sources.
fn debian_mirror() -> Option<String> {
    let deb822 = fs::read_to_string("/etc/apt/sources.list.d/debian.sources").unwrap_or_default();
    let classic = fs::read_to_string("/etc/apt/sources.list").unwrap_or_default();
    let from_deb822 = deb822
        .lines()
        .filter_map(|l| l.strip_prefix("URIs:"))
        .flat_map(str::split_whitespace)
        .find(|uri| !uri.contains("security"));
    let from_classic = classic
        .lines()
        .filter(|l| l.starts_with("deb "))
        .filter_map(|l| l.split_whitespace().nth(1))
        .find(|uri| !uri.contains("security"));
    from_deb822.or(from_classic).map(str::to_string)
}

/// Makes the offline base image with mmdebstrap, unless it exists.
fn ensure_offline_base() -> Result<(), ImageError> {
    if image_exists(OFFLINE_BASE) {
        return Ok(());
    }
    let mirror = debian_mirror()
        .ok_or_else(|| ImageError::Command("no Debian mirror in /etc/apt sources".into()))?;
    tracing::info!(%mirror, "building the base image {OFFLINE_BASE} with mmdebstrap");
    let script = format!(
        "set -o pipefail; mmdebstrap --variant=minbase --quiet bookworm - '{mirror}' | docker import - {OFFLINE_BASE}"
    );
    run(
        Command::new("bash").args(["-c", &script]),
        "mmdebstrap | docker import",
    )
}

/// Downloads the wheels an image pins in `wheels.txt` into its `wheels/` folder, with
/// the host's pip, so that `docker build` needs no package index of its own.
fn prefetch_wheels(folder: &Path) -> Result<(), ImageError> {
    let list = folder.join("wheels.txt");
    if !list.is_file() {
        return Ok(());
    }
    let target = folder.join(WHEELS_DIR);
    let have_some = fs::read_dir(&target).is_ok_and(|mut entries| entries.next().is_some());
    if have_some {
        return Ok(());
    }
    tracing::info!(folder = %folder.display(), "downloading pinned wheels");
    run(
        Command::new("python3")
            .args([
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary=:all:",
                "--quiet",
            ])
            .arg("-d")
            .arg(&target)
            .arg("-r")
            .arg(&list),
        "pip download",
    )
}

/// Builds every image (or the named ones) that is not built yet; returns the tags.
pub fn build(root: &Path, only: &[String], offline: bool) -> Result<Vec<String>, ImageError> {
    let names = if only.is_empty() {
        image_names(root)?
    } else {
        only.to_vec()
    };
    let mut base = REGISTRY_BASE;
    if offline || !image_exists(REGISTRY_BASE) {
        ensure_offline_base()?;
        base = OFFLINE_BASE;
    }
    let mut tags = Vec::new();
    for (index, name) in names.iter().enumerate() {
        let tag = image_tag(root, name)?;
        let step = format!("[{}/{}] {tag}", index + 1, names.len());
        if image_exists(&tag) {
            tracing::info!("{step}: up to date");
        } else {
            tracing::info!("{step}: building");
            prefetch_wheels(&root.join(name))?;
            let dockerfile = root.join(name).join("Dockerfile");
            run(
                Command::new("docker")
                    .arg("build")
                    .args(["--build-arg", &format!("BASE={base}")])
                    .args(["-t", &tag, "-f"])
                    .arg(&dockerfile)
                    .arg(root)
                    .stdout(Stdio::null()),
                &format!("docker build of {name}"),
            )?;
            tracing::info!("{step}: built");
        }
        tags.push(tag);
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_change_with_the_folder_and_the_runner() {
        let root = std::env::temp_dir().join(format!("qadam-images-{}", uuid::Uuid::new_v4()));
        fs::create_dir_all(root.join("c")).unwrap();
        fs::create_dir_all(root.join(SHARED_DIR)).unwrap();
        fs::write(root.join("c/Dockerfile"), "FROM x\n").unwrap();
        fs::write(root.join("runner/runner.py"), "v1").unwrap();
        let first = image_tag(&root, "c").unwrap();
        assert!(first.starts_with("qadam-grader-c:"));
        assert_eq!(image_tag(&root, "c").unwrap(), first, "stable");
        fs::write(root.join("runner/runner.py"), "v2").unwrap();
        let second = image_tag(&root, "c").unwrap();
        assert_ne!(second, first);
        fs::write(root.join("c/Dockerfile"), "FROM y\n").unwrap();
        assert_ne!(image_tag(&root, "c").unwrap(), second);
        assert!(matches!(
            image_tag(&root, "nope"),
            Err(ImageError::Unknown(_))
        ));
        assert_eq!(image_names(&root).unwrap(), ["c"]);
        fs::remove_dir_all(root).unwrap();
    }
}

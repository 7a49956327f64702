//! The one way to grade: `qadam grade`, the catalog's self-check, the benchmark and the
//! grading workers all go through [`Grader`].

use crate::{images, pack_files, pack_layers, GradeResult, GraderError, GradingMaterial, Sandbox};
use bollard::Docker;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A Docker engine and the folder of grader images. Each image's tag is worked out
/// once: a long run (a worker, the self-check) keeps grading with the images it started
/// with even if `grader-images/` changes under it.
#[derive(Clone)]
pub struct Grader {
    docker: Docker,
    images_root: PathBuf,
    tags: Arc<Mutex<BTreeMap<String, String>>>,
}

impl Grader {
    /// Connects to the local engine (DOCKER_HOST when set).
    pub fn connect(images_root: &Path) -> Result<Grader, GraderError> {
        Ok(Grader {
            docker: Docker::connect_with_local_defaults()?,
            images_root: images_root.to_path_buf(),
            tags: Arc::default(),
        })
    }

    pub fn docker(&self) -> &Docker {
        &self.docker
    }

    /// The tag of `image` (a folder of grader-images/), which must be built.
    pub async fn ensure_image(&self, image: &str) -> Result<String, GraderError> {
        if let Some(tag) = self.tags.lock().expect("not poisoned").get(image) {
            return Ok(tag.clone());
        }
        let tag = images::image_tag(&self.images_root, image)?;
        if self.docker.inspect_image(&tag).await.is_err() {
            return Err(GraderError::ImageMissing(tag));
        }
        self.tags
            .lock()
            .expect("not poisoned")
            .insert(image.to_string(), tag.clone());
        Ok(tag)
    }

    /// Grades the submission in `layers` (one folder, or a folder with others laid over
    /// it) against one project version's material, in a fresh sandbox.
    pub async fn grade(
        &self,
        layers: &[&Path],
        material: &GradingMaterial,
    ) -> Result<GradeResult, GraderError> {
        let job = pack_layers(layers, material)?;
        self.grade_job(job, material).await
    }

    /// Grades a submission held in memory (an upload's files, by path inside it).
    pub async fn grade_files(
        &self,
        files: &BTreeMap<String, Vec<u8>>,
        material: &GradingMaterial,
    ) -> Result<GradeResult, GraderError> {
        let job = pack_files(files, material)?;
        self.grade_job(job, material).await
    }

    async fn grade_job(
        &self,
        job: Vec<u8>,
        material: &GradingMaterial,
    ) -> Result<GradeResult, GraderError> {
        let tag = self.ensure_image(material.image()).await?;
        let name = format!("qadam-grade-{}", uuid::Uuid::new_v4().simple());
        Sandbox::prepare(&self.docker, &name, &tag, &material.limits())
            .await?
            .run(job)
            .await
    }

    /// Whether the engine maps root in a container to an unprivileged host user
    /// (`dockerd --userns-remap`). Without it, root in a sandbox is root on the host.
    pub async fn engine_remaps_users(&self) -> Result<bool, GraderError> {
        let info = self.docker.info().await?;
        Ok(remaps_users(&info.security_options.unwrap_or_default()))
    }

    /// Logs a warning when the engine does not remap users (docs/GRADER.md says how).
    pub async fn warn_without_user_namespaces(&self) {
        match self.engine_remaps_users().await {
            Ok(true) => {}
            Ok(false) => tracing::warn!(
                "the Docker engine does not remap users: root in a grading container is root \
                 on this host; start dockerd with --userns-remap=default (docs/GRADER.md)"
            ),
            Err(err) => tracing::warn!(%err, "cannot ask the Docker engine how it runs containers"),
        }
    }
}

/// Whether the engine's security options (`docker info`) include user namespaces.
fn remaps_users(security_options: &[String]) -> bool {
    security_options
        .iter()
        .any(|option| option.split(',').any(|part| part == "name=userns"))
}

#[cfg(test)]
mod tests {
    use super::remaps_users;

    #[test]
    fn user_namespaces_are_read_off_the_security_options() {
        let remapped = [
            "name=seccomp,profile=default".to_string(),
            "name=userns".to_string(),
        ];
        assert!(remaps_users(&remapped));
        assert!(!remaps_users(&["name=seccomp,profile=default".to_string()]));
        assert!(!remaps_users(&[]));
    }
}

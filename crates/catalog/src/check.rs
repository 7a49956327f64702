//! Checks across files: unique slugs, prerequisites that exist and form no cycle, exam
//! pools, and cursus stages that name real projects.

use crate::{Catalog, Problem, Project};
use qadam_domain::ProjectKind;
use std::collections::{BTreeMap, BTreeSet};

pub fn check_references(catalog: &Catalog, problems: &mut Vec<Problem>) {
    let unreadable = &catalog.unreadable;
    let mut by_slug: BTreeMap<&str, &Project> = BTreeMap::new();
    for project in &catalog.projects {
        if let Some(first) = by_slug.insert(project.slug(), project) {
            problems.push(project.source.problem(
                project.file.slug.span(),
                format!(
                    "slug \"{}\" is already used by {}",
                    project.slug(),
                    first.source.path.display()
                ),
            ));
        }
    }
    for project in &catalog.projects {
        for prerequisite in &project.file.requires.projects {
            let name = prerequisite.get_ref();
            if name == project.slug() {
                problems.push(
                    project
                        .source
                        .problem(prerequisite.span(), "a project cannot require itself"),
                );
            } else if !by_slug.contains_key(name.as_str()) && !unreadable.contains(name) {
                problems.push(project.source.problem(
                    prerequisite.span(),
                    format!("unknown prerequisite \"{name}\""),
                ));
            }
        }
    }
    check_cycles(&by_slug, problems);
    check_exams(catalog, &by_slug, unreadable, problems);
    for cursus in &catalog.cursus {
        let mut seen = BTreeSet::new();
        for stage in cursus.file.stages.get_ref() {
            for slug in &stage.projects {
                if unreadable.contains(slug.get_ref()) {
                    continue;
                }
                if !by_slug.contains_key(slug.get_ref().as_str()) {
                    problems.push(cursus.source.problem(
                        slug.span(),
                        format!("unknown project \"{}\"", slug.get_ref()),
                    ));
                } else if !seen.insert(slug.get_ref()) {
                    problems.push(cursus.source.problem(
                        slug.span(),
                        format!("\"{}\" appears twice in this cursus", slug.get_ref()),
                    ));
                }
            }
        }
    }
}

/// Reports each prerequisite cycle once, on the line where its first project names the
/// next one.
fn check_cycles(by_slug: &BTreeMap<&str, &Project>, problems: &mut Vec<Problem>) {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Visiting,
        Done,
    }
    fn visit<'a>(
        slug: &'a str,
        by_slug: &BTreeMap<&'a str, &'a Project>,
        marks: &mut BTreeMap<&'a str, Mark>,
        path: &mut Vec<&'a str>,
        problems: &mut Vec<Problem>,
    ) {
        match marks.get(slug) {
            Some(Mark::Done) => return,
            Some(Mark::Visiting) => {
                let start = path.iter().position(|s| *s == slug).unwrap_or(0);
                let mut cycle: Vec<&str> = path[start..].to_vec();
                cycle.push(slug);
                let first = by_slug[cycle[0]];
                let edge = first
                    .file
                    .requires
                    .projects
                    .iter()
                    .find(|p| p.get_ref() == cycle[1])
                    .map(|p| p.span())
                    .unwrap_or_default();
                problems.push(
                    first
                        .source
                        .problem(edge, format!("prerequisite cycle: {}", cycle.join(" -> "))),
                );
                return;
            }
            None => {}
        }
        let Some(project) = by_slug.get(slug) else {
            return;
        };
        marks.insert(slug, Mark::Visiting);
        path.push(slug);
        for next in project.prerequisites() {
            if next != slug {
                visit(next, by_slug, marks, path, problems);
            }
        }
        path.pop();
        marks.insert(slug, Mark::Done);
    }
    let mut marks = BTreeMap::new();
    for slug in by_slug.keys() {
        visit(slug, by_slug, &mut marks, &mut Vec::new(), problems);
    }
}

fn check_exams(
    catalog: &Catalog,
    by_slug: &BTreeMap<&str, &Project>,
    unreadable: &BTreeSet<String>,
    problems: &mut Vec<Problem>,
) {
    for exam_project in &catalog.projects {
        let Some(exam) = &exam_project.file.exam else {
            continue;
        };
        let mut seen = BTreeSet::new();
        for level in exam.get_ref().levels.get_ref() {
            if level.exercises.is_empty() {
                problems.push(exam_project.source.problem(
                    exam.get_ref().levels.span(),
                    "every exam level needs at least one exercise",
                ));
            }
            for slug in &level.exercises {
                let name = slug.get_ref().as_str();
                if unreadable.contains(name) {
                    continue;
                }
                let problem = match by_slug.get(name) {
                    None => Some(format!("unknown exercise \"{name}\"")),
                    Some(_) if !seen.insert(name) => {
                        Some(format!("\"{name}\" is in more than one level"))
                    }
                    Some(p) if p.kind() != ProjectKind::Exercise || p.file.grader.is_none() => {
                        Some(format!("\"{name}\" must be a graded exercise"))
                    }
                    Some(_) => None,
                };
                if let Some(message) = problem {
                    problems.push(exam_project.source.problem(slug.span(), message));
                }
            }
        }
    }
}

import { readFileSync, statSync } from "node:fs";
import path from "node:path";

import { findNearestFile } from "../utils/find-nearest-file.js";

/** Template engines' file extensions, tried in this order for a view named without one. */
const VIEW_EXTENSIONS = ["hbs", "handlebars", "ejs", "pug", "jade", "njk", "mustache", "html", "eta", "liquid", "twig"];

/** Where apps keep their views, relative to a folder between the linted file and its package.json. */
const VIEW_FOLDERS = ["views", "templates/views", "templates", "src/views", "server/views"];

/**
 * What a template pulls in from other templates: Handlebars `{{> header}}` / `{{#> layout}}`, EJS
 * `include("header")`, Pug `include header` / `extends layout`, Nunjucks, Liquid and Twig
 * `{% include "header" %}` / `{% extends "layout" %}`.
 */
const REFERENCES = [
  /\{\{#?>\s*([\w./-]+)/gu,
  /\binclude\(\s*["']([^"']+)["']/gu,
  /^\s*(?:include|extends)\s+([\w./-]+)\s*$/gmu,
  /\{%-?\s*(?:include|extends|import|render)\s+["']([^"']+)["']/gu,
];

/** A layout the engine wraps every view in without the view naming it (`hbs`, express-handlebars). */
const LAYOUTS = ["layout", "layouts/main", "layouts/layout"];

const MAX_DEPTH = 3;

/** Where a template's code sits: `{{ }}`, `{% %}`, `<% %>`, `#{ }`, `${ }`. A Pug or Jade template is code throughout. */
const CODE = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|<%[\s\S]*?%>|[#$]\{[^}]*\}/gu;

function getCode(file: string, text: string): string {
  const extension = path.extname(file);
  if (extension === ".pug" || extension === ".jade") return text;
  return [...text.matchAll(CODE)].map((match) => match[0]).join("\n");
}

function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

function isDirectory(folder: string): boolean {
  try {
    return statSync(folder, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** `name` in `folder`, as written or with one of the engines' extensions. */
function findTemplate(folder: string, name: string): string | undefined {
  if (path.extname(name) !== "" && isFile(path.join(folder, name))) return path.join(folder, name);
  for (const extension of VIEW_EXTENSIONS) {
    const file = path.join(folder, `${name}.${extension}`);
    if (isFile(file)) return file;
  }
  return undefined;
}

/** The views folder and the view's file: the first of {@link VIEW_FOLDERS} holding it, from the linted file's folder up to its package's. */
function findView(filename: string, view: string): { folder: string; file: string } | undefined {
  const packageJson = findNearestFile(path.dirname(filename), "package.json");
  const top = packageJson === undefined ? undefined : path.dirname(packageJson);
  let directory = path.dirname(filename);
  for (let depth = 0; depth < 6; depth++) {
    for (const candidate of VIEW_FOLDERS) {
      const folder = path.join(directory, candidate);
      if (!isDirectory(folder)) continue;
      const file = findTemplate(folder, view);
      if (file) return { folder, file };
    }
    if (directory === top) return undefined;
    const parent = path.dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
  return undefined;
}

/**
 * The template code of the view `res.render(view)` renders from the linted file (see {@link CODE}), with
 * that of every template it pulls in (partials, includes, the layout it extends or the engine's default
 * layout), up to three levels deep. `undefined` when the view, or a template it names, cannot be found:
 * then what it prints is unknown. Read when asked, never kept: a view is read only for a render that
 * would otherwise be reported.
 */
export function getViewCode(filename: string, view: string): string | undefined {
  const found = findView(filename, view);
  if (!found) return undefined;
  const { folder } = found;
  const searched = [
    folder,
    path.dirname(folder),
    path.join(folder, "partials"),
    path.join(path.dirname(folder), "partials"),
  ];
  const texts: string[] = [];
  const seen = new Set<string>();
  const add = (file: string, depth: number): boolean => {
    if (seen.has(file)) return true;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      return false;
    }
    texts.push(getCode(file, text));
    if (depth >= MAX_DEPTH) return true;
    for (const pattern of REFERENCES) {
      for (const match of text.matchAll(pattern)) {
        const name = match[1]!;
        const referenced = [path.dirname(file), ...searched]
          .map((directory) => findTemplate(directory, name))
          .find((candidate) => candidate !== undefined);
        if (!referenced || !add(referenced, depth + 1)) return false;
      }
    }
    return true;
  };
  if (!add(found.file, 0)) return undefined;
  for (const layout of LAYOUTS) {
    const file = findTemplate(folder, layout);
    if (file && !add(file, 1)) return undefined;
  }
  return texts.join("\n");
}

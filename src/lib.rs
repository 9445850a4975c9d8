//! `loi`, a terminal reader for French legal codes kept as a local mirror.
//!
//! Data flows one way: mirror files ([`mirror`]) → article model ([`article`],
//! [`enumeration`]) → layout for a width ([`layout`]) → widgets ([`ui`]). Input flows
//! the other way: key → [`action::Action`] ([`keymap`]) → [`app::App::update`].

pub mod action;
pub mod app;
pub mod article;
pub mod backlinks;
pub mod bookmarks;
pub mod citation;
pub mod cli;
pub mod codes;
pub mod config;
pub mod effect;
pub mod enumeration;
pub mod error;
pub mod goto;
pub mod history;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod links;
pub mod mirror;
pub mod paths;
pub mod picker;
pub mod plural;
pub mod print;
pub mod reference;
pub mod sanitize;
pub mod search;
pub mod session;
pub mod shell;
pub mod store;
pub mod toc;
pub mod tui;
pub mod ui;
pub mod view;
pub mod visits;

//! `loi`, a terminal reader for French legal codes kept as a local mirror.
//!
//! Data flows one way: mirror files ([`mirror`]) → article model ([`article`],
//! [`enumeration`]) → layout for a width ([`layout`]) → widgets ([`ui`]). Input flows
//! the other way: key → [`action::Action`] ([`keymap`]) → [`app::App::update`].

pub mod article;
pub mod enumeration;
pub mod layout;
pub mod sanitize;
pub mod view;

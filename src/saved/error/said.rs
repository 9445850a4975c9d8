//! What each [`Error`] says, in English and in French.

use std::fmt;

use super::{Error, file_name};
use crate::trf;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Error::Unreadable { file, source } => {
                let file = file_name(file);
                trf!(
                    "{file} cannot be read ({source}): left as it is; check its permissions, or move it aside",
                    "{file} ne peut pas être lu ({source}) : laissé tel quel ; vérifiez ses droits, ou déplacez-le"
                )
            }
            Error::NotAFile { file } => {
                let file = file_name(file);
                trf!(
                    "{file} is not a plain file: left as it is; move it aside",
                    "{file} n'est pas un fichier ordinaire : laissé tel quel ; déplacez-le"
                )
            }
            Error::TooLarge { file, size } => {
                let file = file_name(file);
                trf!(
                    "{file} is too large to be loi's ({size} bytes): left as it is; move it aside",
                    "{file} est trop grand pour être de loi ({size} octets) : laissé tel quel ; déplacez-le"
                )
            }
        };
        f.write_str(&text)
    }
}

/**
 * Messages of the strategy engine (src/strategy): games, instruments, optimisers and their
 * checks. Rules of the catalogue: src/spec/messages/README.md.
 */

/**
 * Messages of the policy fold (src/policy) and of the codes a scenario's policy names (tariff
 * entries, presets, export controls, the calendar). They follow the place of the scenario value
 * (`file:line:col path: …`): lower case. Rules of the catalogue: src/spec/messages/README.md.
 */

/**
 * Resolves the regions and sectors a policy entry covers: codes, dataset groups, "*" (all
 * others than the other side) and `except`. Problems are PolicyErrors carrying the entry's path.
 */
import type { Dataset } from '../data/dataset.ts';
import { PolicyError } from './errors.ts';
import * as msg from '../spec/messages/policy.ts';

type Path = (string | number)[];

function resolve(d: Dataset, code: string, path: Path): number[] {
  const i = d.regions.indexOf(code);
  if (i >= 0) return [i];
  const g = d.manifest.groups[code];
  if (g) return g.map((m) => d.regions.indexOf(m));
  const groups = Object.keys(d.manifest.groups);
  throw new PolicyError(
    path,
    msg.regionCodeDataset(groups.length ? `, a group (${groups.join(', ')})` : '', d.manifest.id, code),
  );
}

/**
 * The regions on one side of an entry. `"*"` means every region not on the other side;
 * `except` removes codes from a side given as `"*"` or as a group.
 */
export function selectSide(
  d: Dataset,
  code: string,
  other: string,
  except: readonly string[] | undefined,
  path: Path,
  exceptPath: Path,
): number[] {
  const drop = new Set<number>();
  (except ?? []).forEach((c, k) => resolve(d, c, [...exceptPath, k]).forEach((r) => drop.add(r)));
  if (code === '*') {
    const o = other === '*' ? new Set<number>() : new Set(resolve(d, other, path));
    return d.regions.map((_, k) => k).filter((k) => !o.has(k) && !drop.has(k));
  }
  const list = resolve(d, code, path);
  return d.manifest.groups[code] ? list.filter((k) => !drop.has(k)) : list;
}

/** Sector indices of `sectors`: codes or sector groups of the dataset (all sectors when absent). */
export function selectSectors(d: Dataset, sectors: readonly string[] | undefined, path: Path): number[] {
  if (!sectors) return d.sectors.map((_, j) => j);
  const out = new Set<number>();
  sectors.forEach((s, k) => {
    const group = d.manifest.sector_groups?.[s];
    if (group) for (const m of group) out.add(d.sectors.indexOf(m));
    else {
      const j = d.sectors.indexOf(s);
      const groups = Object.keys(d.manifest.sector_groups ?? {});
      if (j < 0)
        throw new PolicyError(
          [...path, k],
          msg.sectorCodeDataset(
            groups.length ? ` or sector group (${groups.join(', ')})` : '',
            d.manifest.id,
            preview(d.sectors),
            s,
          ),
        );
      out.add(j);
    }
  });
  return [...out].sort((a, b) => a - b);
}

function preview(list: string[]): string {
  return list.length <= 12 ? list.join(', ') : `${list.slice(0, 12).join(', ')}, …`;
}

/**
 * The bilateral cells `(n*N + i)*J + j` a lever covers: `a` is the importer (tariffs) or the origin
 * (export controls), `b` the other side; `"*"`, groups and `except` as in scenario entries; domestic
 * flows never. `what` names the lever in the error when it covers no cross-border flow.
 */
export function coveredFlows(
  d: Dataset,
  a: string,
  b: string,
  aIsImporter: boolean,
  except: readonly string[] | undefined,
  sectors: readonly string[] | undefined,
  path: Path,
  what: string,
): Int32Array {
  const { N, J } = d;
  const ex = (code: string) => (code === '*' || d.manifest.groups[code] ? except : undefined);
  const as = selectSide(d, a, b, ex(a), [...path, aIsImporter ? 'importer' : 'origin'], [...path, 'except']);
  const bs = selectSide(d, b, a, ex(b), [...path, aIsImporter ? 'exporter' : 'destination'], [...path, 'except']);
  const js = selectSectors(d, sectors, [...path, 'sectors']);
  const out: number[] = [];
  for (const x of as)
    for (const y of bs) {
      if (x === y) continue;
      const [n, i] = aIsImporter ? [x, y] : [y, x];
      for (const j of js) out.push((n * N + i) * J + j);
    }
  if (!out.length) throw new PolicyError(path, msg.coverLeastOne(what));
  return Int32Array.from(out);
}

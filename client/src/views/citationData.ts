import type { JsonProperties } from '../../../server/contract/graph.ts';
import type { Api } from '../api/client.ts';
import type { ViewerGraph } from '../graph/build.ts';
import type { CitationRow, Supplements } from './citationModel.ts';

/** What the citation counts are made of: every CITES row, the SUPPLEMENTS pairs, and the instruments' properties (names). */
export interface CitationData {
  rows: CitationRow[];
  supplements: Supplements;
  instrumentProps: Map<string, JsonProperties>;
}

/**
 * Reads the citation table (`/api/citations`) and, from the explore graph, the
 * protocols and resolutions supplementing each instrument and the names of
 * instruments no recommendation cites. Loaded once per corpus filter by the app
 * (AppContext.citationData) and shared by the trace and the details panel.
 */
export async function loadCitationData(api: Api, explore: () => Promise<ViewerGraph>): Promise<CitationData> {
  const [citations, graph] = await Promise.all([api.citations(), explore().catch(() => null)]);
  const supplements: [string, string][] = [];
  const instrumentProps = new Map<string, JsonProperties>();
  graph?.forEachEdge((_e, a, source, target) => {
    if (a.type === 'SUPPLEMENTS') supplements.push([source, target]);
  });
  graph?.forEachNode((id, a) => {
    if (a.nodeLabel === 'Instrument') instrumentProps.set(id, a.props);
  });
  return { rows: citations.rows, supplements, instrumentProps };
}

/**
 * What a control may ask of the page. app.ts binds these to the modules that do them, so a tab or panel can
 * offer "expand" or "show in the graph" without importing the module that does it (and without a cycle). A new
 * feature that other parts should reach (a path finder, an article reader) adds its action here.
 */
export interface ExplorerActions {
  /** Shows an entity's neighbourhood afresh; with keepExpanded, re-expands the nodes the URL names. */
  openEntity(id: string, keepExpanded?: boolean): Promise<void>;
  /** Adds a node's neighbourhood to the graph. */
  expandNode(id: string): Promise<void>;
  /** Shows an entity's details in the side panel. */
  selectNode(id: string): Promise<void>;
  /** Shows a relationship's evidence in the side panel. */
  selectEdge(id: string): Promise<void>;
  /** Shows a group of a large neighbourhood (graph-groups.ts) in the side panel: its members and a Show all button. */
  selectGroup(id: string): void;
  /** Unfolds a group: its members are drawn. */
  openGroup(id: string): void;
  /** Switches to the graph tab centred on an entity. */
  showInGraph(id: string): void;
  /** Opens an article in the reader tab, with `quote` highlighted. */
  readArticle(article: string, quote: string): void;
}

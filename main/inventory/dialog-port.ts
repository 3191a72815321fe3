// The native dialogs the inventory needs. The Electron adapter in main/adapters/dialog.ts
// already has this shape (its DialogPort is a superset), so it can be passed as it is; tests
// pass a function that answers with a path.

export type FileFilter = { name: string; extensions: string[] };

export interface InventoryDialogPort {
  chooseSavePath(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenPath(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
}

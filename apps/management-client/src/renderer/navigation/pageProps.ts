/** What every page gets from the route: the selected item of its overview and its properties tab. */
export interface PageProps {
  itemId: string | null;
  tab: string | null;
}

/** The names a scaffolded module derives from its module name (`my_shop` → `MyShopNote`). */
export interface TemplateNames {
  /** Module name, e.g. `my_shop`. */
  module: string;
  /** `My Shop`. */
  display: string;
  /** GraphQL type, `MyShopNote`. */
  type: string;
  /** Query field, `myShopNotes`. */
  listField: string;
  /** Mutation field, `addMyShopNote`. */
  addField: string;
  /** Collection, `my_shop_notes`. */
  collection: string;
}

export function templateNames(module: string): TemplateNames {
  const words = module.split('_').filter(Boolean);
  const pascal = words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
  return {
    module,
    display: words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' '),
    type: `${pascal}Note`,
    listField: `${pascal[0]!.toLowerCase()}${pascal.slice(1)}Notes`,
    addField: `add${pascal}Note`,
    collection: `${module}_notes`,
  };
}

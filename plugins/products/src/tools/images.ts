import { defineTool, entityOutput, GauzyMcpError, ok, uuid, withRefusalHints, type RefusalHint } from '@gauzy-mcp/core';
import { z } from 'zod';
import { compactProduct, describeProduct, DETAIL_RELATIONS, PRODUCTS_TOOLSET as toolset } from '../entities.js';
import { readOnlyRole, readProduct } from './read.js';

type Item = Record<string, unknown>;

const ADD = '/api/products/add-images/:productId';
const FEATURE = '/api/products/set-as-featured/:productId';
const REMOVE = '/api/products/:productId/gallery-image/:imageId';
const UNFEATURE = '/api/products/featured-image/:productId';

/** Each image service wraps any failure (an unknown product or image id included) in a 400. */
const hints: RefusalHint[] = [
  readOnlyRole('products'),
  {
    code: 'GMCP_ERR_GAUZY_BAD_REQUEST',
    match: /./,
    hint: "Check the product id (list_products) and that each image id is an image asset in Gauzy's media gallery, e.g. one of a product's gallery (get_product_by_id).",
  },
];

const ids = z.array(uuid()).max(20);

/**
 * Gauzy's four image routes (ProductService.addGalleryImages, setAsFeatured, deleteGalleryImage,
 * deleteFeaturedImage) as one job: they take image assets of Gauzy's media gallery by id. Uploading one is a
 * multipart form a model cannot send, so the ids are of images already there (a product's gallery shows them).
 * Each step is its own request; the answer is the product after the last one, and a failure names the steps
 * that were done before it.
 */
export const updateProductImages = defineTool({
  name: 'update_product_images',
  title: "Change a product's images",
  description: "Add image assets to a product's gallery, remove some (assets stay in Gauzy), set or clear (null) its featured image.",
  toolset,
  aliases: ['add_product_gallery_images', 'set_product_featured_image', 'delete_product_gallery_image'],
  presets: { delete_product_featured_image: { featuredImageId: null } },
  effect: 'write',
  input: z.object({ productId: uuid(), addImageIds: ids.optional(), removeImageIds: ids.optional(), featuredImageId: uuid().nullable().optional() }),
  output: entityOutput,
  routes: [`POST ${ADD}`, `POST ${FEATURE}`, `DELETE ${REMOVE}`, `DELETE ${UNFEATURE}`, 'GET /api/products/:id'],
  async handler({ productId, addImageIds, removeImageIds, featuredImageId }, ctx) {
    if (!addImageIds && !removeImageIds && featuredImageId === undefined) {
      throw new GauzyMcpError('GMCP_ERR_INVALID_ARGUMENTS', ['update_product_images'], { issues: [{ field: '(arguments)', message: 'give addImageIds, removeImageIds or featuredImageId' }] });
    }
    const done: string[] = [];
    const step = async (what: string, call: () => Promise<Item>) => {
      try {
        await withRefusalHints(call, hints);
        done.push(what);
      } catch (error) {
        if (done.length && error instanceof GauzyMcpError) error.details.hint = `${String(error.details.hint ?? '')} Done before this failed: ${done.join('; ')}.`.trim();
        throw error;
      }
    };
    const params = { productId };
    if (addImageIds) await step(`added ${addImageIds.length} gallery image(s)`, () => ctx.gauzy.post<Item>(ADD, addImageIds.map((id: string) => ({ id })), { params }));
    for (const imageId of removeImageIds ?? []) await step(`removed gallery image ${imageId}`, () => ctx.gauzy.delete<Item>(REMOVE, { params: { productId, imageId } }));
    if (featuredImageId) await step(`featured image set to ${featuredImageId}`, () => ctx.gauzy.post<Item>(FEATURE, { id: featuredImageId }, { params }));
    else if (featuredImageId === null) await step('featured image cleared', () => ctx.gauzy.delete<Item>(UNFEATURE, { params }));
    // The routes answer the product as saved, without its category's and type's names: read it back whole.
    const item = compactProduct(await readProduct(ctx, productId, DETAIL_RELATIONS));
    return ok({ ...item, changes: done }, `Product images changed (${done.join('; ')}): ${describeProduct(item)}`);
  },
});

/** Files webpack inlines as data: URLs (the offline page's sample workbook). */
declare module "*.xlsx" {
  const dataUrl: string;
  export default dataUrl;
}

import { listTemplates, type ScaffoldInput, type ServiceTemplate, type TemplateFile } from '../src';

export const MINIMAL_MANIFEST = 'description: A test template.\ndefaults:\n  port: 3000\n';

/** A checked template built from path → content pairs (template.yaml added unless given). */
export function makeTemplate(files: Record<string, string>, name = 'test'): ServiceTemplate {
  const list: TemplateFile[] = Object.entries({ 'template.yaml': MINIMAL_MANIFEST, ...files }).map(
    ([path, content]) => ({ path, content }),
  );
  const { templates, issues } = listTemplates([{ label: 'fixtures', templates: [{ name, files: list }] }]);
  if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join('\n'));
  return templates[0]!;
}

export const INPUT: ScaffoldInput = {
  name: 'payments',
  projectName: 'govapp',
  owner: 'the govapp team',
  schemaPath: '../../schemas/service.schema.json',
};

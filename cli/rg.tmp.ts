import { createKernel, silentLogger } from '@gauzy-mcp/core';
import { connectInMemory } from '@gauzy-mcp/testkit';
import { loadPlugins } from './src/plugins.js';
const plugins = [...(await loadPlugins()), ...(process.env.EXAMPLE ? [(await import('../examples/custom-plugin/src/index.ts')).default] : [])];
for (const [email, password] of [['admin@ever.co', 'admin'], ['employee@ever.co', '12345678']]) {
  const kernel = createKernel({ plugins, inventory: { toolsets: ['all'] }, gauzyBaseUrl: 'http://127.0.0.1:3400', credentials: { email, password }, transport: 'memory', log: silentLogger });
  const client = await connectInMemory(kernel.serverFactory);
  for (const [name, args] of JSON.parse(process.argv[2] ?? '[]') as Array<[string, Record<string, unknown>]>) {
    const r = await client.call(name, args as never);
    console.log(`== ${email} ${name} ${JSON.stringify(args)} isError=${r.isError} text=${r.text.length}B structured=${JSON.stringify(r.structured ?? {}).length}B`);
    console.log(r.text.split('\n').slice(0, Number(process.env.LINES ?? 4)).join('\n'));
  }
  await client.close();
}

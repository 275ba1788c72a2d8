// Lambda layers, as far as the control plane shows them: versions with their compatible architectures and runtimes,
// answered by GetLayerVersion and GetLayerVersionByArn, and referenced by functions (Configuration.Layers). Declared,
// not mounted: the emulator does not put a layer's content under /opt, so a handler that imports from a layer does not
// run here (emulator/README.md says so).

import type { Architecture as SdkArchitecture, GetLayerVersionResponse, Runtime } from '@aws-sdk/client-lambda';
import { invalidParameter, notFound } from './errors.js';

export interface LayerSpec {
  name: string;
  description?: string;
  /** CompatibleArchitectures; absent means the layer declares none (PublishLayerVersion leaves it empty). */
  compatibleArchitectures?: SdkArchitecture[];
  compatibleRuntimes?: Runtime[];
  /** The layer archive's size in bytes (Content.CodeSize). Default 1024. */
  codeSizeBytes?: number;
  /** Its size extracted, which counts toward the function's 250 MB. Default codeSizeBytes. */
  unzippedSizeBytes?: number;
}

/** A layer as a function holds it (Configuration.Layers, and its extracted size for the 250 MB limit). */
export interface FunctionLayer {
  arn: string;
  codeSizeBytes: number;
  unzippedBytes: number;
}

interface LayerVersionRecord extends Required<Omit<LayerSpec, 'compatibleArchitectures' | 'compatibleRuntimes'>> {
  version: number;
  compatibleArchitectures?: SdkArchitecture[];
  compatibleRuntimes?: Runtime[];
  createdMs: number;
}

/** A layer version ARN: arn:aws:lambda:<region>:<account>:layer:<name>:<version> (the model's LayerVersionArn). */
const LAYER_VERSION_ARN = /^arn:[a-zA-Z0-9-]+:lambda:([a-zA-Z0-9-]+):(\d{12}):layer:([a-zA-Z0-9-_]+):([0-9]+)$/;

export class LayerStore {
  private readonly layers = new Map<string, LayerVersionRecord[]>();

  constructor(
    private readonly region: string,
    private readonly account: string,
    private readonly now: () => number,
  ) {}

  layerArn(name: string): string {
    return `arn:aws:lambda:${this.region}:${this.account}:layer:${name}`;
  }

  /** Publishes the next version of a layer (PublishLayerVersion's numbering: 1, 2, …); returns its ARN. */
  publish(spec: LayerSpec): string {
    if (!/^[a-zA-Z0-9-_]{1,64}$/.test(spec.name)) throw invalidParameter(`Invalid layer name: ${spec.name}`);
    const versions = this.layers.get(spec.name) ?? [];
    const record: LayerVersionRecord = {
      name: spec.name,
      description: spec.description ?? '',
      codeSizeBytes: spec.codeSizeBytes ?? 1024,
      unzippedSizeBytes: spec.unzippedSizeBytes ?? spec.codeSizeBytes ?? 1024,
      version: versions.length + 1,
      createdMs: this.now(),
      ...(spec.compatibleArchitectures ? { compatibleArchitectures: [...spec.compatibleArchitectures] } : {}),
      ...(spec.compatibleRuntimes ? { compatibleRuntimes: [...spec.compatibleRuntimes] } : {}),
    };
    versions.push(record);
    this.layers.set(spec.name, versions);
    return `${this.layerArn(spec.name)}:${record.version}`;
  }

  getVersion(name: string, version: number): GetLayerVersionResponse {
    const record = this.layers.get(name)?.[version - 1];
    if (!record) throw notFound(`Layer version ${this.layerArn(name)}:${version} does not exist.`);
    return this.render(record);
  }

  getVersionByArn(arn: string): GetLayerVersionResponse {
    const found = this.find(arn);
    if (!found) throw notFound(`Layer version ${arn} does not exist.`);
    return this.render(found);
  }

  /**
   * The layers CreateFunction names, as Configuration.Layers shows them. An ARN this account and region do not have
   * is refused as Lambda refuses it. Lambda does NOT refuse a layer whose CompatibleArchitectures lack the function's
   * architecture ("Lambda service allows layers configured with one architecture to be used with a Lambda function"
   * of the other, aws/aws-cdk PR #16719, which left the check out for that reason), and neither does the emulator.
   */
  resolveForFunction(arns: readonly string[]): FunctionLayer[] {
    return arns.map((arn) => {
      const found = this.find(arn);
      if (!found) throw invalidParameter(`Layer version ${arn} does not exist.`);
      return { arn, codeSizeBytes: found.codeSizeBytes, unzippedBytes: found.unzippedSizeBytes };
    });
  }

  private find(arn: string): LayerVersionRecord | undefined {
    const match = LAYER_VERSION_ARN.exec(arn);
    if (!match || match[1] !== this.region || match[2] !== this.account) return undefined;
    return this.layers.get(match[3] ?? '')?.[Number(match[4]) - 1];
  }

  private render(record: LayerVersionRecord): GetLayerVersionResponse {
    return {
      // No Content.Location: the emulator holds no layer archive to serve.
      Content: {
        CodeSha256: Buffer.from(`${record.name}:${record.version}`).toString('base64'),
        CodeSize: record.codeSizeBytes,
      },
      LayerArn: this.layerArn(record.name),
      LayerVersionArn: `${this.layerArn(record.name)}:${record.version}`,
      Description: record.description,
      CreatedDate: new Date(record.createdMs).toISOString().replace('Z', '+0000'),
      Version: record.version,
      ...(record.compatibleRuntimes ? { CompatibleRuntimes: [...record.compatibleRuntimes] } : {}),
      ...(record.compatibleArchitectures ? { CompatibleArchitectures: [...record.compatibleArchitectures] } : {}),
    };
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Gazetteer, placeSlug, type Place } from '@bekasi/indonesian-text';
import { PlaceRow } from '../persistence/routing.entities';
import { placeInputOf } from '../knowledge/routing-knowledge';
import type { AddAliasesRequest, CreatePlaceRequest } from './places.request.dto';

/** The gazetteer's additions kept in PostgreSQL: desa the reference data lacks, and local spellings. */
@Injectable()
export class PlacesService {
  constructor(private readonly dataSource: DataSource) {}

  async gazetteer(): Promise<Gazetteer> {
    const rows = await this.dataSource.getRepository(PlaceRow).find();
    return Gazetteer.fromReference(rows.map(placeInputOf));
  }

  async list(): Promise<Place[]> {
    return [...(await this.gazetteer()).places].sort((a, b) => a.kecamatanCode.localeCompare(b.kecamatanCode) || a.name.localeCompare(b.name));
  }

  async create(input: CreatePlaceRequest): Promise<Place> {
    const gazetteer = await this.gazetteer();
    if (!gazetteer.kecamatanName(input.kecamatanCode)) throw new BadRequestException(`Kecamatan ${input.kecamatanCode} tidak dikenal`);
    const code = placeSlug(input.name);
    if (gazetteer.places.some((p) => p.kind === input.kind && p.code === code)) {
      throw new ConflictException(`${input.kind === 'desa' ? 'Desa' : 'Kelurahan'} ${input.name} sudah dikenal; tambahkan alias saja`);
    }
    await this.dataSource.getRepository(PlaceRow).insert({
      kind: input.kind,
      code,
      name: input.name.trim(),
      kecamatanCode: input.kecamatanCode,
      aliases: input.aliases ?? [],
      requiresQualifier: false,
    });
    return this.find(input.kind, code);
  }

  /** Adds spellings to any known place, including the reference kecamatan and kelurahan. */
  async addAliases(kind: string, code: string, input: AddAliasesRequest): Promise<Place> {
    return this.dataSource.transaction(async (tx) => {
      const repo = tx.getRepository(PlaceRow);
      const stored = await repo.findOne({ where: { kind, code }, lock: { mode: 'pessimistic_write' } });
      const known = (await this.gazetteer()).places.find((p) => p.kind === kind && p.code === code);
      if (!known) throw new NotFoundException(`Tempat ${kind}/${code} tidak dikenal`);
      const aliases = [...new Set([...(stored?.aliases ?? []), ...input.aliases.map((a) => a.trim())])];
      if (stored) await repo.update({ kind, code }, { aliases });
      else {
        await repo.insert({ kind, code, name: known.name, kecamatanCode: known.kecamatanCode, aliases, requiresQualifier: !!known.requiresQualifier });
      }
      return (await this.gazetteerWith(tx.getRepository(PlaceRow))).places.find((p) => p.kind === kind && p.code === code)!;
    });
  }

  private async find(kind: string, code: string): Promise<Place> {
    return (await this.gazetteer()).places.find((p) => p.kind === kind && p.code === code)!;
  }

  private async gazetteerWith(repo: { find(): Promise<PlaceRow[]> }): Promise<Gazetteer> {
    return Gazetteer.fromReference((await repo.find()).map(placeInputOf));
  }
}

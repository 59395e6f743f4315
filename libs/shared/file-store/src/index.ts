export * from './file-store';
export * from './filesystem-file-store';
export * from './s3-file-store';
export * from './file-store-from-config';
export * from './file-type';
export * from './image-metadata';
export * from './signed-link';
export * from './testing/evidence-fixtures';
